package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A merge is one write on the closed unit with a persisted marker; its children follow from that marker.
 * If the process dies right after the close, the sweep moves them; replaying the moves changes nothing.
 */
@DanvanIntegrationTest
class UnitMergesIT {

    private static final LocalDate MERGED_ON = LocalDate.of(2025, 7, 1);
    private static EventProbe probe;

    @Autowired
    UnitChanges changes;
    @Autowired
    Units units;
    @Autowired
    UnitMerges merges;
    @Autowired
    AggregateWrites writes;
    @Autowired
    UnitsProperties tree;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(DirectiveContract.UNITS.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void childrenOfAMergeClosedJustBeforeACrashFollowOnTheSweepAndAReplayChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        register(run + "-LD", "PROVINCE", null);
        register(run + "-DT", "DISTRICT", run + "-LD");
        register(run + "-LH", "COMMUNE", run + "-DT");
        register(run + "-HH", "COMMUNE", run + "-DT");

        // the close is written, then the process dies before its children move
        Unit district = units.find(run + "-DT");
        district.close(MERGED_ON, units.find(run + "-LD"), units.childrenOn(district.code, MERGED_ON), tree);
        writes.update(district);
        assertThat(units.find(run + "-DT").childrenToMove).isTrue();
        assertThat(units.get(run + "-LH", MERGED_ON).parentId()).isEqualTo(run + "-DT");

        merges.sweep();

        for (String commune : List.of(run + "-LH", run + "-HH")) {
            UnitView moved = units.get(commune, MERGED_ON);
            assertThat(moved.parentId()).isEqualTo(run + "-LD");
            assertThat(moved.version()).isEqualTo(2);
            assertThat(units.get(commune, MERGED_ON.minusDays(1)).parentId()).isEqualTo(run + "-DT");
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.eventTypes(commune),
                    types -> types.equals(List.of(DirectiveContract.UNIT_REGISTERED, DirectiveContract.UNIT_CHANGED)));
        }
        assertThat(units.find(run + "-DT").childrenToMove).isFalse();

        // the marker comes back (a sweep that died before clearing it): draining again moves nothing
        mongo.updateFirst(Query.query(Criteria.where("_id").is(run + "-DT")), Update.update("childrenToMove", true), Unit.class);
        merges.sweep();

        assertThat(units.find(run + "-DT").childrenToMove).isFalse();
        for (String commune : List.of(run + "-LH", run + "-HH")) {
            UnitView unchanged = units.get(commune, MERGED_ON);
            assertThat(unchanged.version()).as("no second move").isEqualTo(2);
            assertThat(unchanged.parents()).hasSize(2);
        }
    }

    private void register(String code, String level, String parent) {
        changes.register(new UnitRequests.Register(code, "Đơn vị " + code, "ADMINISTRATIVE_AREA", level,
                LocalDate.of(1986, 1, 1), parent));
    }
}
