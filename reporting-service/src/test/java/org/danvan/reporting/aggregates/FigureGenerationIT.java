package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.reporting.PublishedFacts;
import org.danvan.reporting.PublishedFacts.Unit;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestTemplate;

/**
 * A rebuild of the figures: an instance of the next generation, started beside this one (the first), replays the
 * topics from the beginning into collections of its own under a consumer group of its own, while the first keeps
 * answering from its collections; it is ready once it has caught up, with the same figures, and from then on both
 * take each new fact. The replay also polls a broken record together with the ones after it, which the batch
 * bindings once lost with it ({@link BatchFailures}).
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class FigureGenerationIT {

    private static final String FIGURE = "/api/v1/data-elements/BRIEFING_CLASSES/values?period=2025&unit=";
    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FiguresCatchUp catchUp;

    @Test
    void aNewGenerationReplaysTheTopicsIntoItsOwnCollectionsAndIsReadyOnceCaughtUp() {
        try (EventProbe probe = new EventProbe()) {
            replayedIntoTheNextGeneration(probe);
        }
    }

    private void replayedIntoTheNextGeneration(EventProbe probe) {
        PublishedFacts facts = new PublishedFacts(probe);
        // a record that breaks the contract, on the district's partition just before it: the replay polls both at
        // once, and the broken one must go to the dead-letter topic alone, not take the district with it
        probe.send(KafkaCloudEvents.toRecord(DirectiveContract.UNITS.name(), new CloudEvent(UUID.randomUUID().toString(), "/test",
                DirectiveContract.UNIT_REGISTERED, facts.id("H"), Instant.now(), "{\"unitId\":\"x\"}".getBytes(StandardCharsets.UTF_8))));
        facts.register(new Unit("H", "Huyện ủy", "PARTY_COMMITTEE", "DISTRICT", null));
        facts.register(new Unit("A", "Đảng ủy xã A", "PARTY_COMMITTEE", "COMMUNE", "H"));
        facts.register(new Unit("B", "Đảng ủy xã B", "PARTY_COMMITTEE", "COMMUNE", "H"));
        facts.report("A", 1, "DV-6T", "2025H1", Map.of("BRIEFING_CLASSES", 4));
        facts.report("B", 1, "DV-6T", "2025H1", Map.of("BRIEFING_CLASSES", 7));
        facts.report("A", 2, "DV-6T", "2025H1", Map.of("BRIEFING_CLASSES", 5));
        String district = facts.id("H");
        String operator = TestTokens.issue("test-operator", null, "operator");
        TestTokens.authorize(http.getRestTemplate(), operator);
        await().atMost(Duration.ofSeconds(30)).until(() -> value(http.getForObject(FIGURE + district, Map.class)), v -> is(v, "12"));
        assertThat(catchUp.caughtUp()).isTrue();

        try (NextGeneration next = new NextGeneration(2, Duration.ofMillis(200), operator)) {
            RestTemplate nextHttp = next.http;
            await().atMost(Duration.ofSeconds(120)).until(next::caughtUp);
            // ready only now, and it has the first generation's figure: the last revision of A and B's report
            Map<String, Object> readiness = nextHttp.getForObject("/actuator/health/readiness", Map.class);
            assertThat(readiness.get("status")).isEqualTo("UP");
            assertThat(readiness.get("components")).asString().contains("figures").contains("generation=2");
            await().atMost(Duration.ofSeconds(30)).until(() -> value(nextHttp.getForObject(FIGURE + district, Map.class)), v -> is(v, "12"));

            // each generation in its own collections: the first's untouched and still answering
            Query districtCells = Query.query(Criteria.where("unit").is(district));
            assertThat(mongo.count(districtCells, "figure_cells_g2")).isPositive();
            assertThat(mongo.count(districtCells, "figure_cells")).isPositive();
            assertThat(value(http.getForObject(FIGURE + district, Map.class))).satisfies(v -> assertThat(is(v, "12")).isTrue());

            // a new revision reaches both
            facts.report("B", 2, "DV-6T", "2025H1", Map.of("BRIEFING_CLASSES", 9));
            await().atMost(Duration.ofSeconds(30)).until(() -> value(http.getForObject(FIGURE + district, Map.class)), v -> is(v, "14"));
            await().atMost(Duration.ofSeconds(30)).until(() -> value(nextHttp.getForObject(FIGURE + district, Map.class)), v -> is(v, "14"));
        } finally {
            FigureGeneration.DERIVED.forEach(base -> mongo.dropCollection(FigureGeneration.nameIn(2, base)));
        }
    }

    private static Object value(Map<String, Object> figure) {
        return figure == null ? null : figure.get("value");
    }

    private static boolean is(Object value, String expected) {
        return value != null && new BigDecimal(value.toString()).compareTo(new BigDecimal(expected)) == 0;
    }
}
