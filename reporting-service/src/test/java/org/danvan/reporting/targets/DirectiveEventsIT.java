package org.danvan.reporting.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveAmended;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class DirectiveEventsIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void connect() {
        probe = new EventProbe(ReportingContract.DEAD_LETTERS.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    static DirectiveIssued issued(String directiveId, int version, String threshold) {
        TargetSpec target = new TargetSpec("T1", "ENROLMENT_RATE", TargetSpec.Comparator.GTE, new BigDecimal(threshold),
                null, TargetSpec.ThresholdUnit.PERCENT, List.of("COMMUNE"), List.of(),
                new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), null);
        return new DirectiveIssued(directiveId, version, "05-NQ/HU", "RESOLUTION", "Nghị quyết", "u-duc-trong",
                LocalDate.of(2021, 6, 30), List.of(), List.of(target), null);
    }

    static ProducerRecord<String, byte[]> record(String eventId, String type, String key, byte[] data) {
        return KafkaCloudEvents.toRecord(DirectiveContract.DIRECTIVES.name(),
                new CloudEvent(eventId, "/test", type, key, Instant.now(), data));
    }

    private List<Map<String, Object>> targets(String directiveId) {
        return http.exchange("/api/v1/targets?directive=" + directiveId, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private double consumed(String outcome) {
        var counter = meters.find("danvan.events.consumed").tags("type", DirectiveContract.DIRECTIVE_ISSUED, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @BeforeEach
    void signIn() {
        // an operator sees every unit's reports and figures; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    @Test
    void appliesEachDirectiveVersionOnceWhateverTheRedeliveryOrOrder() {
        String directiveId = UUID.randomUUID().toString();
        double duplicatesBefore = consumed("duplicate");
        ProducerRecord<String, byte[]> v1 = record("e1-" + directiveId, DirectiveContract.DIRECTIVE_ISSUED, directiveId,
                EventJson.write(issued(directiveId, 1, "95")));

        probe.send(v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> targets(directiveId).size() == 1);
        assertThat(targets(directiveId).getFirst()).containsEntry("threshold", 95).containsEntry("directiveVersion", 1);

        DirectiveIssued v2 = issued(directiveId, 2, "97");
        probe.send(record("e2-" + directiveId, DirectiveContract.DIRECTIVE_AMENDED, directiveId,
                EventJson.write(new DirectiveAmended(v2.directiveId(), 2, v2.number(), v2.kind(), v2.title(),
                        v2.issuerUnitId(), v2.issuedOn(), v2.recipientUnitIds(), v2.targets(), v2.reportingDuty(),
                        List.of("Nâng chỉ tiêu lên 97 %")))));
        probe.send(v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed("duplicate") >= duplicatesBefore + 1);

        assertThat(targets(directiveId)).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("threshold", 97).containsEntry("directiveVersion", 2));
    }

    @Test
    void sendsRecordsThatBreakTheContractToTheDeadLetterTopicWithTheReasonAndCarriesOn() {
        String badId = UUID.randomUUID().toString();
        probe.send(record("bad-" + badId, DirectiveContract.DIRECTIVE_ISSUED, badId,
                "{\"directiveId\":\"x\",\"version\":0}".getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, byte[]> headerless = new ProducerRecord<>(DirectiveContract.DIRECTIVES.name(), "no-headers-" + badId,
                "{}".getBytes(StandardCharsets.UTF_8));
        probe.send(headerless);
        String goodId = UUID.randomUUID().toString();
        probe.send(record("good-" + goodId, DirectiveContract.DIRECTIVE_ISSUED, goodId, EventJson.write(issued(goodId, 1, "90"))));

        // the dead-letter topic has three partitions: the two records are found by key, not by their order
        assertThat(reason(deadLetter(badId))).contains("version").contains("required property");
        ConsumerRecord<String, byte[]> deadHeaderless = deadLetter("no-headers-" + badId);
        assertThat(reason(deadHeaderless)).contains("header ce_id is missing").contains("header ce_type is missing");
        assertThat(new String(deadHeaderless.value(), StandardCharsets.UTF_8)).isEqualTo("{}");

        await().atMost(Duration.ofSeconds(30)).until(() -> targets(goodId).size() == 1);
        assertThat(targets(badId)).isEmpty();
        assertThat(meters.get("danvan.events.rejected").tag("topic", DirectiveContract.DIRECTIVES.name()).counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> probe.events(key), list -> !list.isEmpty()).getFirst();
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("x-exception-message");
        assertThat(header).as("x-exception-message header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
