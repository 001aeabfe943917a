package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportOverdue;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Overdue reports published once with the late gauge, and the indicator table as an XLSX workbook. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings("rawtypes")
class OverdueAndWorkbookIT {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReportsOverdue overdue;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    UnitTrees trees;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        probe = new EventProbe(ReportingContract.REPORT_DEADLINES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String type, String key, Object data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/test", type, key, Instant.now(),
                EventJson.write(data)));
    }

    private void register(String unitId, String level, String parentId, LocalDate openedOn) {
        List<ParentLink> parents = parentId == null ? List.of() : List.of(new ParentLink(parentId, openedOn, null));
        probe.send(record(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, unitId,
                new UnitRegistered(unitId, 1, unitId.toUpperCase(), "Xã " + unitId, "COMMUNE_COMMITTEE", level, openedOn, parents)));
    }

    private void accepted(String unitId, String period, Map<String, ReportAccepted.ReportedValue> values) {
        String reportId = id("r-" + unitId + "-" + period);
        probe.send(record(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, reportId,
                new ReportAccepted(reportId, 1, "DV-6T", unitId, period, values, false, LocalDate.of(2026, 1, 10))));
    }

    private Map element(String code, String unit, String period) {
        return http.getForEntity("/api/v1/data-elements/" + code + "/values?unit=" + unit + "&period=" + period, Map.class).getBody();
    }

    /** The unit's overdue semiannual reports (it owes the forms without levels too, as a leaf). */
    private List<ReportOverdue> overdueOf(String unitId) {
        return probe.events(ReportOverdueDocument.idOf("DV-6T", unitId, "2026H1")).stream()
                .map(ConsumerRecord::value).map(v -> EventJson.read(v, ReportOverdue.class)).toList();
    }

    private double late(String form) {
        Gauge gauge = meters.find("danvan.reports.late").tag("form", form).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    @BeforeEach
    void signIn() {
        // an operator sees every unit's reports and figures; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    @Test
    void aMissingReportIsPublishedOverdueOnceAndCountedAsLate() {
        // opened in 2026: it owes DV-6T for 2026H1 (due 15 July 2026) and nothing before
        LocalDate opened = LocalDate.of(2026, 1, 1);
        String district = id("huyen");
        String silent = id("xa-im-lang");
        String diligent = id("xa-cham-chi");
        register(district, "DISTRICT", null, opened);
        register(silent, "COMMUNE", district, opened);
        register(diligent, "COMMUNE", district, opened);
        accepted(diligent, "2026H1", Map.of("BRIEFING_CLASSES", new ReportAccepted.ReportedValue(3, false, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("BRIEFING_CLASSES", district, "2026H1"),
                body -> body != null && body.get("value") != null);

        LocalDate today = LocalDate.of(2026, 8, 1);
        assertThat(overdue.duePeriods(org.danvan.reporting.forms.PeriodType.SEMIANNUAL, today))
                .extracting(ReportingPeriod::toString).contains("2026H1").doesNotContain("2026H2");
        overdue.check(today);
        overdue.check(today);
        List<ReportOverdue> events = await().atMost(Duration.ofSeconds(30)).until(() -> overdueOf(silent), list -> !list.isEmpty());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.formCode()).isEqualTo("DV-6T");
            assertThat(e.period()).isEqualTo("2026H1");
            assertThat(e.dueOn()).isEqualTo(LocalDate.of(2026, 7, 15));
        });
        assertThat(late("DV-6T")).isGreaterThanOrEqualTo(1);
        // one more check later queues nothing more for it, and nothing at all for the unit that reported: the relay
        // publishes only what the store holds, so the store says so without waiting for events that should not come
        overdue.check(today.plusDays(1));
        assertThat(mongo.find(Query.query(Criteria.where("formCode").is("DV-6T").and("unitId").in(silent, diligent)),
                ReportOverdueDocument.class)).extracting(ReportOverdueDocument::id)
                .containsExactly(ReportOverdueDocument.idOf("DV-6T", silent, "2026H1"));
        assertThat(overdueOf(silent)).hasSize(1);
    }

    @Test
    void everyOwedReportIsRecordedOverdueOnceInBulkAndARecheckAddsNothing() {
        // more communes than one bulk write takes, none reporting: each owes DV-6T for 2026H1
        LocalDate opened = LocalDate.of(2026, 1, 1);
        String district = id("huyen-nhieu-xa");
        register(district, "DISTRICT", null, opened);
        List<String> communes = IntStream.range(0, 620).mapToObj(i -> id("xa-" + i)).toList();
        communes.forEach(commune -> register(commune, "COMMUNE", district, opened));
        await().atMost(Duration.ofSeconds(60)).until(() -> trees.units().stream().map(UnitNode::unitId)
                .collect(Collectors.toSet()).containsAll(communes));
        Set<String> keys = communes.stream().map(c -> ReportOverdueDocument.idOf("DV-6T", c, "2026H1"))
                .collect(Collectors.toSet());

        LocalDate today = LocalDate.of(2026, 8, 1);
        assertThat(overdue.check(today)).isGreaterThanOrEqualTo(communes.size());
        assertThat(overdue.check(today)).as("a recheck stores and queues nothing").isZero();

        Query ours = Query.query(Criteria.where("_id").in(keys));
        assertThat(mongo.count(ours, ReportOverdueDocument.class)).isEqualTo(communes.size());
        // every record's event published (its outbox drained): all that can reach the topic is there
        String collection = mongo.getCollectionName(ReportOverdueDocument.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.find(ours, org.bson.Document.class, collection).stream()
                .allMatch(d -> d.getList("outbox", Object.class, List.of()).isEmpty()));
        // each event counted once by its ce_id
        Map<String, List<ConsumerRecord<String, byte[]>>> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> probe.events(keys), byKey -> byKey.keySet().equals(keys));
        assertThat(events.values()).as("one event per owed report").allSatisfy(of -> assertThat(of).singleElement()
                .satisfies(event -> assertThat(EventProbe.header(event, "ce_type")).isEqualTo(ReportingContract.REPORT_OVERDUE)));
    }

    @Test
    void theIndicatorTableOpensAsAWorkbookWithVietnameseHeaders() throws IOException {
        String district = id("huyen-x");
        String commune = id("xa-x");
        register(district, "DISTRICT", null, LONG_AGO);
        register(commune, "COMMUNE", district, LONG_AGO);
        accepted(commune, "2025H1", Map.of("RESIDENTS", new ReportAccepted.ReportedValue(200, false, false),
                "MEMBERS_ENROLLED", new ReportAccepted.ReportedValue(190, false, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> element("RESIDENTS", district, "2025H1"),
                body -> body != null && body.get("value") != null);

        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/v1/indicators/ENROLMENT_RATE/values.xlsx?unit=" + district
                + "&period=2025H1", byte[].class);
        assertThat(xlsx.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mã đơn vị");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Tên đơn vị");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Giá trị");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Số đơn vị phải báo cáo");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(commune.toUpperCase());
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(190);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(95);
            Row total = sheet.getRow(2);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng: Xã " + district);
        }
    }
}
