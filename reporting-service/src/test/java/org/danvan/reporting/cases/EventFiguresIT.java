package org.danvan.reporting.cases;

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
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.feedback.CaseExplained;
import org.danvan.contracts.feedback.CaseMerged;
import org.danvan.contracts.feedback.CaseOverdue;
import org.danvan.contracts.feedback.CaseReceived;
import org.danvan.contracts.feedback.CaseReopened;
import org.danvan.contracts.feedback.CaseResolved;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Feedback figures from case events and member counts from a registry, read as indicators over HTTP. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class EventFiguresIT {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;

    private String run;

    @BeforeAll
    static void connect() {
        probe = new EventProbe(ReportingContract.DEAD_LETTERS.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void run() {
        // an operator sees every unit's reports and figures; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String type, String key, Object data) {
        return raw(topic, type, key, EventJson.write(data));
    }

    private static ProducerRecord<String, byte[]> raw(String topic, String type, String key, byte[] data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/test", type, key, Instant.now(), data));
    }

    private void register(String unitId, String level, String parentId) {
        List<ParentLink> parents = parentId == null ? List.of() : List.of(new ParentLink(parentId, LONG_AGO, null));
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, unitId,
                new UnitRegistered(unitId, 1, unitId.toUpperCase(), "Đơn vị " + unitId,
                        level.equals("DISTRICT") ? "DISTRICT_COMMITTEE" : "COMMUNE_COMMITTEE", level, LONG_AGO, parents)));
    }

    private void caseEvent(String type, String caseId, Object data) {
        probe.send(record(FeedbackContract.CASES.name(), type, caseId, data));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private ResponseEntity<Map> get(String path) {
        return http.getForEntity(path, Map.class);
    }

    private Map<String, Object> indicator(String code, String unit, String period) {
        ResponseEntity<Map> response = get("/api/v1/indicators/" + code + "/values?unit=" + unit + "&period=" + period);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private BigDecimal element(String code, String unit, String period) {
        ResponseEntity<Map> response = get("/api/v1/data-elements/" + code + "/values?unit=" + unit + "&period=" + period);
        Object value = response.getStatusCode() == HttpStatus.OK ? response.getBody().get("value") : null;
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static boolean is(Object value, String expected) {
        return value != null && new BigDecimal(value.toString()).compareTo(new BigDecimal(expected)) == 0;
    }

    private double consumed(String type, String outcome) {
        var counter = meters.find("danvan.events.consumed").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("x-exception-message");
        assertThat(header).as("x-exception-message header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void caseEventsGiveEachResponsibleUnitsFeedbackFiguresAndTheOnTimeRate() {
        String district = id("huyen");
        String a = id("xa-a");
        String b = id("xa-b");
        register(district, "DISTRICT", null);
        register(a, "COMMUNE", district);
        register(b, "COMMUNE", district);
        String c1 = id("c1");
        String c2 = id("c2");
        String c3 = id("c3");
        String c4 = id("c4");
        caseEvent(FeedbackContract.CASE_RECEIVED, c1, new CaseReceived(c1, "COMPLAINT", 1, "COUNTER", a, a, a,
                day("2025-02-01"), day("2025-02-11"), false, false, null));
        ProducerRecord<String, byte[]> c1Resolved = record(FeedbackContract.CASES.name(), FeedbackContract.CASE_RESOLVED, c1,
                new CaseResolved(c1, "COMPLAINT", 1, a, day("2025-03-01"), day("2025-03-13"), true));
        probe.send(c1Resolved);
        caseEvent(FeedbackContract.CASE_RECEIVED, c2, new CaseReceived(c2, "COMPLAINT", 1, "POST", a, a, district,
                day("2025-02-05"), day("2025-02-15"), false, true, null));
        caseEvent(FeedbackContract.CASE_OVERDUE, c2, new CaseOverdue(c2, "COMPLAINT", 1, a, "RESOLUTION",
                day("2025-04-09"), day("2025-04-10")));
        caseEvent(FeedbackContract.CASE_RESOLVED, c2, new CaseResolved(c2, "COMPLAINT", 1, a, day("2025-04-20"),
                day("2025-04-09"), false));
        caseEvent(FeedbackContract.CASE_RECEIVED, c3, new CaseReceived(c3, "RECOMMENDATION", 1, "WEB", b, b, b,
                day("2025-03-01"), day("2025-03-11"), false, false, id("c0")));
        caseEvent(FeedbackContract.CASE_EXPLAINED, c3, new CaseExplained(c3, "RECOMMENDATION", 1, b, day("2025-04-01"),
                day("2025-04-10"), true, 3, day("2025-09-30")));
        caseEvent(FeedbackContract.CASE_RESOLVED, c3, new CaseResolved(c3, "RECOMMENDATION", 1, b, day("2025-05-01"),
                day("2025-05-10"), true));
        caseEvent(FeedbackContract.CASE_RECEIVED, c4, new CaseReceived(c4, "RECOMMENDATION", 1, "WEB", b, b, b,
                day("2025-03-02"), day("2025-03-12"), false, false, null));
        caseEvent(FeedbackContract.CASE_MERGED, c4, new CaseMerged(c4, "RECOMMENDATION", b, c3, day("2025-03-05"), 2));

        // c4 is merged into c3: three matters received, three resolved, two of them on time
        Map<String, Object> rate = await().atMost(Duration.ofSeconds(30)).until(
                () -> indicator("CASES_RESOLVED_ON_TIME_RATE", district, "2025H1"), body -> is(body.get("denominator"), "3"));
        assertThat(new BigDecimal(rate.get("numerator").toString())).isEqualByComparingTo("2");
        assertThat(new BigDecimal(rate.get("value").toString())).isEqualByComparingTo("66.67");
        List<Map<String, Object>> children = (List<Map<String, Object>>) rate.get("children");
        assertThat(children).filteredOn(c -> c.get("unitId").equals(a)).singleElement()
                .satisfies(c -> assertThat(new BigDecimal(c.get("value").toString())).isEqualByComparingTo("50"));
        assertThat(children).filteredOn(c -> c.get("unitId").equals(b)).singleElement()
                .satisfies(c -> assertThat(new BigDecimal(c.get("value").toString())).isEqualByComparingTo("100"));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("CASES_RECEIVED", district, "2025H1"), v -> v != null && is(v, "3"));
        assertThat(element("CASES_OVERDUE", district, "2025H1")).isEqualByComparingTo("1");
        assertThat(element("CASES_EXPLAINED", district, "2025H1")).isEqualByComparingTo("1");
        assertThat(element("CASES_OVER_LEVEL", district, "2025H1")).isEqualByComparingTo("1");
        assertThat(element("CASES_PROLONGED", district, "2025H1")).isEqualByComparingTo("1");
        assertThat(element("CASES_RECEIVED", district, "2025H2")).isEqualByComparingTo("0");

        // a redelivered resolution counts once; a reopening makes the matter prolonged
        double duplicates = consumed(FeedbackContract.CASE_RESOLVED, "duplicate");
        probe.send(c1Resolved);
        caseEvent(FeedbackContract.CASE_REOPENED, c1, new CaseReopened(c1, "COMPLAINT", 2, a, day("2025-05-10"), day("2025-06-24")));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(FeedbackContract.CASE_RESOLVED, "duplicate") >= duplicates + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> element("CASES_PROLONGED", district, "2025H1"), v -> v != null && is(v, "2"));
        assertThat(element("CASES_RESOLVED", district, "2025H1")).isEqualByComparingTo("3");
        assertThat(new BigDecimal(indicator("CASES_RESOLVED_ON_TIME_RATE", district, "2025").get("value").toString()))
                .isEqualByComparingTo("66.67");

        String bad = id("bad-case");
        probe.send(raw(FeedbackContract.CASES.name(), FeedbackContract.CASE_RESOLVED, bad,
                ("{\"caseId\":\"" + bad + "\"}").getBytes(StandardCharsets.UTF_8)));
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.records().stream().filter(r -> bad.equals(r.key())).findFirst().orElse(null), r -> r != null);
        assertThat(reason(dead)).contains("required property");
    }

    @Test
    void aMemberRegistryFeedsMembersAndActiveMembersAsStocksAndASnapshotReplaces() {
        String district = id("huyen");
        String a = id("xa-a");
        register(district, "DISTRICT", null);
        register(a, "COMMUNE", district);
        // the commune's own report says 50 members; the registry is the record and replaces it
        probe.send(record(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, id("r"),
                new ReportAccepted(id("r"), 1, "DV-6T", a, "2025H1", Map.of(
                        "RESIDENTS", new ReportAccepted.ReportedValue(120, false, false),
                        "MEMBERS_ENROLLED", new ReportAccepted.ReportedValue(50, false, false)), false, day("2025-07-10"))));
        String topic = ReportingContract.MEMBERSHIP.name();
        probe.send(record(topic, ReportingContract.MEMBERSHIP_SNAPSHOT, a,
                new MembershipSnapshot("FARMERS_UNION", a, day("2025-03-31"), 100, 80)));
        ProducerRecord<String, byte[]> m1 = record(topic, ReportingContract.MEMBERSHIP_ENROLLED, a,
                new MembershipEnrolled("WOMENS_UNION", a, "m1", day("2025-02-01"), true));
        probe.send(m1);
        probe.send(record(topic, ReportingContract.MEMBERSHIP_ENROLLED, a,
                new MembershipEnrolled("WOMENS_UNION", a, "m2", day("2025-02-01"), false)));
        probe.send(record(topic, ReportingContract.MEMBERSHIP_LEFT, a,
                new MembershipLeft("WOMENS_UNION", a, "m2", day("2025-05-01"))));
        probe.send(record(topic, ReportingContract.MEMBERSHIP_ENROLLED, a,
                new MembershipEnrolled("FARMERS_UNION", a, "m3", day("2025-04-15"), true)));
        // the same enrolment again, as a registry resending it with a new event id
        double duplicates = consumed(ReportingContract.MEMBERSHIP_ENROLLED, "duplicate");
        probe.send(record(topic, ReportingContract.MEMBERSHIP_ENROLLED, a,
                new MembershipEnrolled("WOMENS_UNION", a, "m1", day("2025-02-01"), true)));
        probe.send(m1);

        // the resent enrolments come last on the unit's partition; before m2 leaves, 102 is also a passing figure
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(ReportingContract.MEMBERSHIP_ENROLLED, "duplicate") >= duplicates + 2);
        // farmers 100 + 1 enrolled after the snapshot, women 1 (m2 left): 102 of 120 residents
        Map<String, Object> enrolment = await().atMost(Duration.ofSeconds(30)).until(
                () -> indicator("ENROLMENT_RATE", district, "2025H1"), body -> is(body.get("numerator"), "102"));
        assertThat(new BigDecimal(enrolment.get("value").toString())).isEqualByComparingTo("85.00");
        assertThat(element("MEMBERS_ACTIVE", district, "2025H1")).isEqualByComparingTo("82");
        assertThat(element("MEMBERS_FARMERS_UNION", district, "2025H1")).isEqualByComparingTo("101");
        assertThat(element("MEMBERS_WOMENS_UNION", district, "2025H1")).isEqualByComparingTo("1");
        assertThat(new BigDecimal(indicator("ACTIVE_MEMBER_RATE", district, "2025H1").get("value").toString()))
                .isEqualByComparingTo("80.39");
        assertThat(element("MEMBERS_ENROLLED", district, "2025H1")).isEqualByComparingTo("102");
        // on 31 March: the farmers' snapshot of that day (100) and both women (m2 left in May)
        assertThat(element("MEMBERS_ENROLLED", district, "2025Q1")).isEqualByComparingTo("102");

        // a later snapshot replaces what came before it
        probe.send(record(topic, ReportingContract.MEMBERSHIP_SNAPSHOT, a,
                new MembershipSnapshot("FARMERS_UNION", a, day("2025-06-01"), 90, 85)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("MEMBERS_ENROLLED", district, "2025H1"), v -> v != null && is(v, "91"));
        assertThat(element("MEMBERS_ACTIVE", district, "2025H1")).isEqualByComparingTo("86");

        String badCounts = id("bad-counts");
        probe.send(record(topic, ReportingContract.MEMBERSHIP_SNAPSHOT, badCounts,
                new MembershipSnapshot("FARMERS_UNION", badCounts, day("2025-06-01"), 10, 11)));
        String badShape = id("bad-shape");
        probe.send(raw(topic, ReportingContract.MEMBERSHIP_ENROLLED, badShape,
                ("{\"organisation\":\"FARMERS_UNION\",\"unitId\":\"" + badShape + "\"}").getBytes(StandardCharsets.UTF_8)));
        // each dead letter counted once by its event id
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.events(badCounts).size() + probe.events(badShape).size() == 2);
        assertThat(probe.events(badCounts)).singleElement().satisfies(r -> assertThat(reason(r)).contains("exceeds members"));
        assertThat(probe.events(badShape)).singleElement().satisfies(r -> assertThat(reason(r)).contains("required property"));
        assertThat(element("MEMBERS_ENROLLED", district, "2025H1")).isEqualByComparingTo("91");

        // on the unit's own partition, in one polled batch: the broken snapshot alone goes to the dead-letter
        // topic, and the enrolment behind it still counts
        String badInBatch = id("bad-in-batch");
        probe.send(record(topic, ReportingContract.MEMBERSHIP_SNAPSHOT, a,
                new MembershipSnapshot("YOUTH_UNION", badInBatch, day("2025-03-31"), 10, 11)));
        probe.send(record(topic, ReportingContract.MEMBERSHIP_ENROLLED, a,
                new MembershipEnrolled("YOUTH_UNION", a, "m4", day("2025-03-01"), true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("MEMBERS_ENROLLED", district, "2025H1"), v -> v != null && is(v, "92"));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(badInBatch))
                .map(r -> EventProbe.header(r, "ce_id")).distinct().count(), n -> n == 1);
    }
}
