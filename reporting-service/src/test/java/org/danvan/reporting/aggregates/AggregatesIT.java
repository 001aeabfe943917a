package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitChanged;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Aggregates fed through Kafka (the unit topic and the report topic) and read over HTTP. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class AggregatesIT {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;

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
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/test", type, key, Instant.now(),
                EventJson.write(data)));
    }

    private void register(String unitId, String level, String parentId) {
        List<ParentLink> parents = parentId == null ? List.of() : List.of(new ParentLink(parentId, LONG_AGO, null));
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, unitId,
                new UnitRegistered(unitId, 1, unitId.toUpperCase(), "Đơn vị " + unitId, level.equals("DISTRICT") ? "DISTRICT_COMMITTEE" : "COMMUNE_COMMITTEE",
                        level, LONG_AGO, parents)));
    }

    private static Map<String, ReportAccepted.ReportedValue> values(Object... codesAndValues) {
        Map<String, ReportAccepted.ReportedValue> values = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            values.put((String) codesAndValues[i], new ReportAccepted.ReportedValue(codesAndValues[i + 1], false, false));
        }
        return values;
    }

    private ProducerRecord<String, byte[]> accepted(String reportId, int revision, String unitId, String period, boolean late,
            Map<String, ReportAccepted.ReportedValue> values) {
        return record(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, reportId,
                new ReportAccepted(reportId, revision, "DV-6T", unitId, period, values, late, LocalDate.of(2026, 1, 10)));
    }

    private ResponseEntity<Map> get(String path) {
        return http.getForEntity(path, Map.class);
    }

    private Map<String, Object> indicator(String code, String unit, String period) {
        ResponseEntity<Map> response = get("/api/v1/indicators/" + code + "/values?unit=" + unit + "&period=" + period);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private Map<String, Object> element(String code, String unit, String period) {
        ResponseEntity<Map> response = get("/api/v1/data-elements/" + code + "/values?unit=" + unit + "&period=" + period);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static boolean is(Object value, String expected) {
        return value != null && number(value).compareTo(new BigDecimal(expected)) == 0;
    }

    private double duplicates() {
        var counter = meters.find("danvan.events.consumed").tags("type", ReportingContract.REPORT_ACCEPTED, "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBatchCutShortBeforeItsAncestorsWereWrittenIsFinishedWhenItComesAgain() {
        String district = id("huyen-crash");
        String commune = id("xa-crash");
        register(district, "DISTRICT", null);
        register(commune, "COMMUNE", district);
        ProducerRecord<String, byte[]> report = accepted(id("r-crash"), 1, commune, "2025H1", false, values("BRIEFING_CLASSES", 4));
        probe.send(report);
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", district, "2025").get("value"), v -> is(v, "4"));

        // as after a kill -9 between the commune's cells and the district's: the district's totals never written
        mongo.remove(Query.query(Criteria.where("unit").is(district)), FigureCells.COLLECTION);
        assertThat(element("BRIEFING_CLASSES", district, "2025").get("value")).isNull();

        // the uncommitted record comes again (same ce_id): a duplicate revision, and the totals are whole again, once
        double before = duplicates();
        probe.send(report);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= before + 1);
        assertThat(element("BRIEFING_CLASSES", district, "2025").get("value")).satisfies(v -> assertThat(is(v, "4")).isTrue());
        assertThat(element("BRIEFING_CLASSES", district, "2025H1").get("value")).satisfies(v -> assertThat(is(v, "4")).isTrue());
    }

    @Test
    void aDistrictStoredAfterItsCommunesAndTheirReportsCountsThem() {
        // as a replay or another partition can deliver them: the commune and its report first, its district after
        String district = id("huyen-late");
        String commune = id("xa-early");
        register(commune, "COMMUNE", district);
        probe.send(accepted(id("r-early"), 1, commune, "2025H1", false, values("BRIEFING_CLASSES", 6)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", commune, "2025").get("value"), v -> is(v, "6"));

        register(district, "DISTRICT", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", district, "2025").get("value"), v -> is(v, "6"));
        assertThat(element("BRIEFING_CLASSES", district, "2025H1").get("value")).satisfies(v -> assertThat(is(v, "6")).isTrue());
    }

    @Test
    void aDistrictRateIsTheRatioOfItsCommunesSumsWithCompletenessAndACsvTable() {
        String district = id("huyen");
        String big = id("xa-lon");
        String small = id("xa-nho");
        String silent = id("xa-chua-bao-cao");
        register(district, "DISTRICT", null);
        register(big, "COMMUNE", district);
        register(small, "COMMUNE", district);
        register(silent, "COMMUNE", district);
        probe.send(accepted(id("r-lon"), 1, big, "2025H1", false, values("RESIDENTS", 1000, "MEMBERS_ENROLLED", 900)));
        probe.send(accepted(id("r-nho"), 1, small, "2025H1", true, values("RESIDENTS", 100, "MEMBERS_ENROLLED", 10)));

        Map<String, Object> rate = await().atMost(Duration.ofSeconds(30)).until(
                () -> indicator("ENROLMENT_RATE", district, "2025H1"), body -> is(body.get("denominator"), "1100"));
        // 910 / 1100 = 82.73 %, not the 50 % average of 90 % and 10 %
        assertThat(number(rate.get("numerator"))).isEqualByComparingTo("910");
        assertThat(number(rate.get("value"))).isEqualByComparingTo("82.73");
        assertThat(rate).containsEntry("reportedUnits", 2).containsEntry("expectedUnits", 3).containsEntry("factor", 100);
        List<Map<String, Object>> children = (List<Map<String, Object>>) rate.get("children");
        assertThat(children).extracting(c -> c.get("unitId")).containsExactlyInAnyOrder(big, small, silent);
        assertThat(children).filteredOn(c -> c.get("unitId").equals(big)).singleElement()
                .satisfies(c -> assertThat(number(c.get("value"))).isEqualByComparingTo("90"));
        assertThat(children).filteredOn(c -> c.get("unitId").equals(silent)).singleElement()
                .satisfies(c -> assertThat(c.get("value")).isNull())
                .satisfies(c -> assertThat(c).containsEntry("reportedUnits", 0).containsEntry("expectedUnits", 1));

        Map<String, Object> completeness = get("/api/v1/completeness?form=DV-6T&unit=" + district + "&period=2025H1").getBody();
        assertThat(completeness).containsEntry("expectedUnits", 3).containsEntry("reportedUnits", 2)
                .containsEntry("receivedReports", 2).containsEntry("onTime", 1).containsEntry("late", 1);
        assertThat((List<Map<String, Object>>) completeness.get("notReported")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("unitId", silent).containsEntry("missingPeriods", List.of("2025H1")));
        // every form in one answer, each as its own read gives it (with the form's name in the caller's language)
        List<Map<String, Object>> everyForm = http.getForObject("/api/v1/completeness/forms?unit=" + district + "&period=2025H1",
                List.class);
        assertThat(everyForm).extracting(form -> form.get("formCode")).contains("DV-6T").isSorted();
        assertThat(everyForm).filteredOn(form -> "DV-6T".equals(form.get("formCode"))).singleElement()
                .isEqualTo(completeness).satisfies(form -> assertThat((String) form.get("formName")).isNotBlank());

        ResponseEntity<byte[]> csv = http.getForEntity("/api/v1/indicators/ENROLMENT_RATE/values.csv?unit=" + district
                + "&period=2025H1", byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.getBody()).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv.getBody(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Mã đơn vị,Tên đơn vị,Cấp,Tử số,Mẫu số,Giá trị,Số đơn vị đã báo cáo,Số đơn vị phải báo cáo");
        assertThat(lines).contains(big.toUpperCase() + ",Đơn vị " + big + ",COMMUNE,900,1000,90.00,1,1")
                .contains(",Tổng cộng: Đơn vị " + district + ",,910,1100,82.73,2,3");

        assertThat(get("/api/v1/indicators/ENROLMENT_RATE/values?unit=" + district + "&period=2025H5").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/indicators/ENROLMENT_RATE/values?unit=nowhere&period=2025").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRevisionReplacesItsValuesWhileRedeliveredAndOlderRevisionsChangeNothing() {
        String district = id("huyen");
        String commune = id("xa");
        register(district, "DISTRICT", null);
        register(commune, "COMMUNE", district);
        probe.send(accepted(id("h1"), 1, commune, "2025H1", false, values("RESIDENTS", 1000, "BRIEFING_CLASSES", 4)));
        ProducerRecord<String, byte[]> h2First = accepted(id("h2"), 1, commune, "2025H2", false,
                values("RESIDENTS", 1100, "BRIEFING_CLASSES", 6));
        probe.send(h2First);

        // a year: the flow adds both halves (4 + 6), the stock is the latest half's (1100, not 2100)
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", district, "2025"), b -> is(b.get("value"), "10"));
        assertThat(number(element("RESIDENTS", district, "2025").get("value"))).isEqualByComparingTo("1100");

        ProducerRecord<String, byte[]> h2Revised = accepted(id("h2"), 2, commune, "2025H2", false,
                values("RESIDENTS", 1150, "BRIEFING_CLASSES", 8));
        probe.send(h2Revised);
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", district, "2025"), b -> is(b.get("value"), "12"));
        assertThat(number(element("RESIDENTS", district, "2025").get("value"))).isEqualByComparingTo("1150");

        double duplicatesBefore = duplicates();
        probe.send(h2Revised);
        probe.send(h2First);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + 2);
        assertThat(number(element("BRIEFING_CLASSES", district, "2025").get("value"))).isEqualByComparingTo("12");
        assertThat(number(element("RESIDENTS", district, "2025").get("value"))).isEqualByComparingTo("1150");
        assertThat(number(element("BRIEFING_CLASSES", district, "2025H2").get("value"))).isEqualByComparingTo("8");
    }

    @Test
    void aCommuneMovedIn2025LeavesThe2021FiguresOfItsOldDistrictUnchanged() {
        String oldDistrict = id("huyen-cu");
        String newDistrict = id("huyen-moi");
        String commune = id("xa");
        register(oldDistrict, "DISTRICT", null);
        register(newDistrict, "DISTRICT", null);
        register(commune, "COMMUNE", oldDistrict);
        probe.send(accepted(id("r2021"), 1, commune, "2021H1", false, values("BRIEFING_CLASSES", 5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", oldDistrict, "2021"), b -> is(b.get("value"), "5"));

        LocalDate moved = LocalDate.of(2025, 7, 1);
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_CHANGED, commune,
                new UnitChanged(commune, 2, commune.toUpperCase(), "Đơn vị " + commune, "COMMUNE_COMMITTEE", "COMMUNE", LONG_AGO,
                        null, List.of(new ParentLink(oldDistrict, LONG_AGO, moved), new ParentLink(newDistrict, moved, null)),
                        moved, newDistrict)));
        probe.send(accepted(id("r2025"), 1, commune, "2025H2", false, values("BRIEFING_CLASSES", 7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", newDistrict, "2025"), b -> is(b.get("value"), "7"));

        Map<String, Object> old2021 = element("BRIEFING_CLASSES", oldDistrict, "2021");
        assertThat(number(old2021.get("value"))).isEqualByComparingTo("5");
        assertThat((List<Map<String, Object>>) old2021.get("children")).extracting(c -> c.get("unitId")).containsExactly(commune);
        assertThat(element("BRIEFING_CLASSES", newDistrict, "2021").get("value")).isNull();
        assertThat(element("BRIEFING_CLASSES", oldDistrict, "2025").get("value")).isNull();
    }

    @Test
    void theSeedDistrictShows472ClassesAnd53486ParticipantsFromItsFifteenCommunes() {
        int[] classes = {28, 30, 31, 29, 33, 35, 27, 32, 34, 30, 31, 29, 33, 36, 34};
        int[] participants = {3410, 3620, 3555, 3490, 3710, 3880, 3305, 3600, 3725, 3540, 3610, 3480, 3690, 3800, 3071};
        String district = id("duc-trong");
        register(district, "DISTRICT", null);
        for (int i = 0; i < 15; i++) {
            String commune = id("xa" + i);
            register(commune, "COMMUNE", district);
            probe.send(accepted(id("r" + i), 1, commune, "2025H1", false,
                    values("BRIEFING_CLASSES", classes[i], "BRIEFING_PARTICIPANTS", participants[i])));
        }

        Map<String, Object> held = await().atMost(Duration.ofSeconds(30)).until(
                () -> indicator("BRIEFING_CLASSES_HELD", district, "2025H1"), b -> Integer.valueOf(15).equals(b.get("reportedUnits")));
        assertThat(number(held.get("value"))).isEqualByComparingTo("472");
        assertThat(held).containsEntry("expectedUnits", 15);
        assertThat(number(indicator("BRIEFING_PARTICIPANTS", district, "2025H1").get("value"))).isEqualByComparingTo("53486");
    }

    @Test
    void sendsAUnitEventThatBreaksTheContractToTheDeadLetterTopic() {
        String bad = id("bad-unit");
        probe.send(KafkaCloudEvents.toRecord(DirectiveContract.UNITS.name(), new CloudEvent(UUID.randomUUID().toString(), "/test",
                DirectiveContract.UNIT_REGISTERED, bad, Instant.now(), "{\"unitId\":\"x\"}".getBytes(StandardCharsets.UTF_8))));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.records().stream().anyMatch(r -> bad.equals(r.key())));
    }
}
