package org.danvan.reporting.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.reporting.aggregates.RollupWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka Streams rollup on the test driver: sums, revisions, redeliveries and a move, read from its totals store. */
class RollupTopologyTest {

    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 1);
    private static final String MODELS = "MODELS_BUILT";

    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> units;
    private TestInputTopic<String, byte[]> reports;
    private TestInputTopic<String, byte[]> membership;
    private KeyValueStore<String, Totals> totals;

    @BeforeEach
    void tree() {
        driver = new TopologyTestDriver(RollupTopology.build(Set.of(MODELS)),
                RollupTopology.config("rollup-test", "unused:9092", state.toString()));
        units = input(DirectiveContract.UNITS.name());
        reports = input(ReportingContract.REPORTS.name());
        membership = input(ReportingContract.MEMBERSHIP.name());
        totals = driver.getKeyValueStore(RollupTopology.TOTALS);
        unit("VN", "CENTRAL", null);
        unit("P0", "PROVINCE", "VN");
        unit("P1", "PROVINCE", "VN");
        unit("P0-C0", "COMMUNE", "P0");
        unit("P0-C1", "COMMUNE", "P0");
        unit("P1-C0", "COMMUNE", "P1");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void sumsRollUpFromCommunesToTheirProvinceAndTheNation() {
        send(reports, RollupWorkload.report("P0-C0", "2025H1", 1, 3));
        send(reports, RollupWorkload.report("P0-C1", "2025H1", 1, 4));
        send(reports, RollupWorkload.report("P1-C0", "2025H2", 1, 5));

        assertThat(models("P0-C0", "2025H1")).isEqualTo(3);
        assertThat(models("P0", "2025H1")).isEqualTo(7);
        assertThat(models("P0", "2025")).isEqualTo(7);
        assertThat(models("P1", "2025H1")).isZero();
        assertThat(models("P1", "2025")).isEqualTo(5);
        assertThat(models("VN", "2025H1")).isEqualTo(7);
        assertThat(models("VN", "2025")).isEqualTo(12);
        // only the flow elements asked for are summed: a stock like RESIDENTS is not added across halves
        assertThat(totals.get(RollupTopology.key("VN", "2025")).values()).containsOnlyKeys(MODELS);
    }

    @Test
    void aRevisionReplacesThePreviousOneAndAnOlderRevisionArrivingLateChangesNothing() {
        ProducerRecord<String, byte[]> first = RollupWorkload.report("P0-C0", "2025H1", 1, 3);
        send(reports, first);
        send(reports, RollupWorkload.report("P0-C1", "2025H1", 1, 4));
        send(reports, RollupWorkload.report("P0-C0", "2025H1", 2, 10));
        assertThat(models("P0", "2025H1")).isEqualTo(14);
        assertThat(models("VN", "2025")).isEqualTo(14);

        send(reports, first);
        assertThat(models("VN", "2025")).isEqualTo(14);
    }

    @Test
    void aRedeliveredRecordIsCountedOnce() {
        // the same record (same ce_id) twice: its slot's KTable entry is replaced by an equal one, which the
        // aggregation subtracts and adds again
        ProducerRecord<String, byte[]> report = RollupWorkload.report("P0-C0", "2025H1", 1, 3);
        send(reports, report);
        send(reports, report);
        ProducerRecord<String, byte[]> snapshot = RollupWorkload.event(ReportingContract.MEMBERSHIP.name(),
                ReportingContract.MEMBERSHIP_SNAPSHOT, "P0-C0", new MembershipSnapshot("FARMERS_UNION", "P0-C0", LocalDate.of(2025, 6, 30), 100, 70));
        ProducerRecord<String, byte[]> enrolled = enrolled("m-1", LocalDate.of(2025, 8, 1));
        send(membership, snapshot);
        send(membership, enrolled);
        send(membership, snapshot);
        send(membership, enrolled);

        assertThat(models("VN", "2025")).isEqualTo(3);
        assertThat(members("P0-C0")).isEqualTo(101);
        assertThat(members("P0")).isEqualTo(101);
        assertThat(members("VN")).isEqualTo(101);
    }

    @Test
    void membersCountBySnapshotEnrolmentsAndDeparturesInWhicheverOrderTheyArrive() {
        send(membership, RollupWorkload.event(ReportingContract.MEMBERSHIP.name(), ReportingContract.MEMBERSHIP_SNAPSHOT, "P1-C0",
                new MembershipSnapshot("YOUTH_UNION", "P1-C0", LocalDate.of(2025, 6, 30), 50, 20)));
        send(membership, enrolled("m-1", LocalDate.of(2025, 7, 1)));
        send(membership, RollupWorkload.event(ReportingContract.MEMBERSHIP.name(), ReportingContract.MEMBERSHIP_LEFT, "P0-C0",
                new MembershipLeft("FARMERS_UNION", "P0-C0", "m-2", LocalDate.of(2025, 12, 1))));
        send(membership, enrolled("m-2", LocalDate.of(2025, 9, 1)));

        assertThat(members("P0")).isEqualTo(1);
        assertThat(members("P1")).isEqualTo(50);
        assertThat(members("VN")).isEqualTo(51);
    }

    @Test
    void aMoveReKeysWhatArrivesAfterItAndLeavesWhatWasCountedBeforeItWhereItWas() {
        send(reports, RollupWorkload.report("P0-C1", "2025H1", 1, 4));
        // P0-C1 belongs to P1 from 1 July 2025
        List<ParentLink> parents = List.of(new ParentLink("P0", FOUNDED, LocalDate.of(2025, 7, 1)),
                new ParentLink("P1", LocalDate.of(2025, 7, 1), null));
        send(units, RollupWorkload.event(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_CHANGED, "P0-C1",
                new UnitChanged("P0-C1", 2, "P0-C1", "P0-C1", "PEOPLES_COMMITTEE", "COMMUNE", FOUNDED, null, parents,
                        LocalDate.of(2025, 7, 1), "P1")));
        send(reports, RollupWorkload.report("P0-C1", "2025H2", 1, 5));

        assertThat(models("P0", "2025H1")).isEqualTo(4);
        assertThat(models("P1", "2025H2")).isEqualTo(5);
        // the year 2025 is counted under the tree of 31 December, but H1 was counted before the move: it stays in P0
        assertThat(models("P0", "2025")).isEqualTo(4);
        assertThat(models("P1", "2025")).isEqualTo(5);

        // its revision arrives after the move: the slot's share leaves P0's year and joins P1's; H1 itself stays in P0
        send(reports, RollupWorkload.report("P0-C1", "2025H1", 2, 6));
        assertThat(models("P0", "2025H1")).isEqualTo(6);
        assertThat(models("P0", "2025")).isZero();
        assertThat(models("P1", "2025")).isEqualTo(11);
        assertThat(models("VN", "2025")).isEqualTo(11);
    }

    private ProducerRecord<String, byte[]> enrolled(String member, LocalDate on) {
        return RollupWorkload.event(ReportingContract.MEMBERSHIP.name(), ReportingContract.MEMBERSHIP_ENROLLED, "P0-C0",
                new MembershipEnrolled("FARMERS_UNION", "P0-C0", member, on, true));
    }

    private void unit(String id, String level, String parent) {
        send(units, RollupWorkload.event(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, id,
                new UnitRegistered(id, 1, id, id, "PEOPLES_COMMITTEE", level, FOUNDED,
                        parent == null ? List.of() : List.of(new ParentLink(parent, FOUNDED, null)))));
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(TestInputTopic<String, byte[]> topic, ProducerRecord<String, byte[]> record) {
        topic.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), Instant.now()));
    }

    private long models(String unit, String period) {
        return figure(unit, period, MODELS);
    }

    private long members(String unit) {
        return figure(unit, "2025", FanOut.MEMBERS);
    }

    private long figure(String unit, String period, String element) {
        Totals found = totals.get(RollupTopology.key(unit, period));
        return found == null ? 0 : found.of(element).longValueExact();
    }
}
