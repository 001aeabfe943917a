package org.danvan.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestClock;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class ReportsApiIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;

    private String unit;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(ReportingContract.REPORTS.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void unit() {
        // an operator sees every unit's reports and figures; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
        unit = "XA-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every required value of the semiannual form DV-6T, consistent with its rules. */
    private static Map<String, Object> semiannual(int residents, int exemplary, int model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("RESIDENTS", Map.of("value", residents));
        values.put("MEMBERS_ENROLLED", Map.of("value", residents * 95 / 100));
        values.put("MEMBERS_ACTIVE", Map.of("value", residents * 90 / 100, "estimated", true));
        values.put("RESIDENTIAL_AREAS", Map.of("value", 12));
        values.put("EXEMPLARY_AREAS", Map.of("value", exemplary));
        values.put("MODEL_AREAS", Map.of("value", model));
        values.put("MODELS_BUILT", Map.of("value", 2));
        values.put("SUPERVISION_SESSIONS", Map.of("value", 1));
        values.put("DIALOGUE_CONFERENCES", Map.of("value", 1));
        values.put("BRIEFING_CLASSES", Map.of("value", 4));
        values.put("BRIEFING_PARTICIPANTS", Map.of("value", 380, "provisional", true));
        return values;
    }

    private ResponseEntity<Map> send(HttpMethod method, String path, Object body, String language, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> create(String form, String period, Map<String, Object> values) {
        return send(HttpMethod.POST, "/api/v1/reports", Map.of("formCode", form, "unitId", unit, "period", period,
                "values", values), null, null);
    }

    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    private static LocalDate today() {
        return TestClock.instance().today();
    }

    private List<ReportAccepted> acceptedEvents(String reportId, int count) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.events(reportId), r -> r.size() >= count);
        return records.stream().map(r -> {
            CloudEvent event = KafkaCloudEvents.read(r.headers(), r.value());
            assertThat(event.type()).isEqualTo(ReportingContract.REPORT_ACCEPTED);
            assertThat(event.source()).isEqualTo("/danvan/reporting-service");
            assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
            return EventJson.read(event.data(), ReportAccepted.class);
        }).toList();
    }

    @Test
    void walksAReportFromDraftThroughAReturnToAcceptanceAndARevisionPublishingTheRevisedValues() {
        // a draft may be incomplete
        ResponseEntity<Map> created = create("DV-6T", "2020H1", Map.of("RESIDENTS", Map.of("value", 1000)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        String path = "/api/v1/reports/" + id;
        assertThat(created.getHeaders().getLocation()).hasPath(path);
        assertThat(created.getBody().get("status")).isEqualTo("DRAFT");
        assertThat(created.getBody().get("dueOn")).isEqualTo("2020-07-15");

        // ...but not submitted so
        ResponseEntity<Map> incomplete = send(HttpMethod.POST, path + "/submit", null, "en", null);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(incomplete)).extracting(e -> e.get("field")).contains("values.MEMBERS_ENROLLED", "values.MODEL_AREAS");
        assertThat(errors(incomplete)).filteredOn(e -> e.get("field").equals("values.MODEL_AREAS")).singleElement()
                .extracting(e -> e.get("message")).isEqualTo("data element MODEL_AREAS is required");

        // every broken rule is named, in Vietnamese by default and in English on request
        Map<String, Object> inconsistent = semiannual(1000, 5, 6);
        inconsistent.put("MEMBERS_ENROLLED", Map.of("value", 1200));
        inconsistent.put("MEMBERS_ACTIVE", Map.of("value", 1300));
        String etag = created.getHeaders().getETag();
        ResponseEntity<Map> vi = send(HttpMethod.PUT, path + "/values", Map.of("values", inconsistent), null, etag);
        assertThat(vi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(vi.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(vi.getBody().get("type")).isEqualTo("https://danvan.org/problems/validation");
        assertThat(vi.getBody().get("title")).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(errors(vi)).extracting(e -> e.get("field")).containsExactlyInAnyOrder(
                "rules.ENROLLED_WITHIN_RESIDENTS", "rules.MODEL_WITHIN_EXEMPLARY", "rules.ACTIVE_WITHIN_ENROLLED");
        assertThat(errors(vi)).filteredOn(e -> e.get("field").equals("rules.MODEL_WITHIN_EXEMPLARY")).singleElement()
                .extracting(e -> e.get("message")).isEqualTo("vi phạm quy tắc MODEL_WITHIN_EXEMPLARY – Khu dân cư kiểu mẫu "
                        + "không vượt quá số khu dân cư tiêu biểu: MODEL_AREAS <= EXEMPLARY_AREAS không thỏa (6 so với 5)");
        ResponseEntity<Map> en = send(HttpMethod.PUT, path + "/values", Map.of("values", inconsistent), "en", etag);
        assertThat(errors(en)).filteredOn(e -> e.get("field").equals("rules.ENROLLED_WITHIN_RESIDENTS")).singleElement()
                .extracting(e -> e.get("message")).isEqualTo("rule ENROLLED_WITHIN_RESIDENTS – Members enrolled cannot "
                        + "exceed eligible residents: MEMBERS_ENROLLED <= RESIDENTS does not hold (1200 against 1000)");

        // a stale If-Match is refused, the current one accepted
        assertThat(send(HttpMethod.PUT, path + "/values", Map.of("values", semiannual(1000, 5, 3)), null, "\"99\"")
                .getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        ResponseEntity<Map> edited = send(HttpMethod.PUT, path + "/values", Map.of("values", semiannual(1000, 5, 3)), null, etag);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Map<String, Object>>) edited.getBody().get("values")).containsEntry("MEMBERS_ACTIVE",
                Map.of("value", 900, "provisional", false, "estimated", true));

        // submitted long after 2020H1 was due: accepted, and marked late
        ResponseEntity<Map> submitted = send(HttpMethod.POST, path + "/submit", null, null, edited.getHeaders().getETag());
        assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED").containsEntry("late", true)
                .containsEntry("firstSubmittedOn", today().toString());

        ResponseEntity<Map> returned = send(HttpMethod.POST, path + "/return",
                Map.of("reasons", List.of("Số khu dân cư kiểu mẫu chưa khớp với quyết định công nhận")), null, null);
        assertThat(returned.getBody().get("status")).isEqualTo("RETURNED");
        assertThat((List<Map<String, Object>>) returned.getBody().get("returns")).singleElement()
                .extracting(r -> r.get("reasons")).isEqualTo(List.of("Số khu dân cư kiểu mẫu chưa khớp với quyết định công nhận"));

        // a returned report cannot be accepted: 409 naming what it allows
        ResponseEntity<Map> notNow = send(HttpMethod.POST, path + "/accept", null, null, null);
        assertThat(notNow.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notNow.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notNow.getBody()).containsEntry("type", "https://danvan.org/problems/report-illegal-transition")
                .containsEntry("allowed", List.of("edit", "submit"))
                .containsEntry("detail", "Không thể tiếp nhận báo cáo ở trạng thái bị trả lại; được phép: edit, submit.");
        assertThat(send(HttpMethod.POST, path + "/accept", null, "en", null).getBody())
                .containsEntry("title", "Not possible in the current status")
                .containsEntry("detail", "A report cannot be accepted while returned; allowed: edit, submit.");

        send(HttpMethod.PUT, path + "/values", Map.of("values", semiannual(1000, 5, 2)), null, null);
        ResponseEntity<Map> resubmitted = send(HttpMethod.POST, path + "/submit", null, null, null);
        assertThat(resubmitted.getBody()).containsEntry("status", "SUBMITTED").containsEntry("late", true);
        ResponseEntity<Map> accepted = send(HttpMethod.POST, path + "/accept", null, null, resubmitted.getHeaders().getETag());
        assertThat(accepted.getBody()).containsEntry("status", "ACCEPTED").containsEntry("revision", 1)
                .containsEntry("acceptedOn", today().toString());

        // an accepted report is locked: only an audited revision changes it
        ResponseEntity<Map> locked = send(HttpMethod.PUT, path + "/values", Map.of("values", semiannual(1000, 6, 2)), "en", null);
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(locked.getBody()).containsEntry("allowed", List.of("revise"));
        ResponseEntity<Map> noReason = send(HttpMethod.POST, path + "/revise", Map.of("values", semiannual(1000, 6, 2)), null, null);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(noReason)).extracting(e -> e.get("field")).containsExactly("reason");

        ResponseEntity<Map> revised = send(HttpMethod.POST, path + "/revise", Map.of("values", semiannual(1000, 6, 2),
                "reason", "Bổ sung khu dân cư tiêu biểu được công nhận muộn"), null, accepted.getHeaders().getETag());
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody()).containsEntry("status", "ACCEPTED").containsEntry("revision", 2);

        List<Map<String, Object>> revisions = http.getForObject(path + "/revisions", List.class);
        assertThat(revisions).extracting(r -> r.get("revision")).containsExactly(1, 2);
        assertThat(revisions.get(0).get("reason")).isNull();
        assertThat(((Map<String, Map<String, Object>>) revisions.get(0).get("values")).get("EXEMPLARY_AREAS")).containsEntry("value", 5);
        assertThat(revisions.get(1)).containsEntry("reason", "Bổ sung khu dân cư tiêu biểu được công nhận muộn");
        assertThat(((Map<String, Map<String, Object>>) revisions.get(1).get("values")).get("EXEMPLARY_AREAS")).containsEntry("value", 6);

        List<ReportAccepted> events = acceptedEvents(id, 2);
        assertThat(events).extracting(ReportAccepted::revision).containsExactly(1, 2);
        ReportAccepted latest = events.get(1);
        assertThat(latest.formCode()).isEqualTo("DV-6T");
        assertThat(latest.unitId()).isEqualTo(unit);
        assertThat(latest.period()).isEqualTo("2020H1");
        assertThat(latest.late()).isTrue();
        assertThat(latest.acceptedOn()).isEqualTo(today());
        assertThat(new BigDecimal(latest.values().get("EXEMPLARY_AREAS").value().toString())).isEqualByComparingTo("6");
        assertThat(new BigDecimal(events.get(0).values().get("EXEMPLARY_AREAS").value().toString())).isEqualByComparingTo("5");
        assertThat(latest.values().get("BRIEFING_PARTICIPANTS").provisional()).isTrue();
        assertThat(latest.values()).hasSize(11);
    }

    @Test
    void aValueTooLargeToStoreIsRefusedNamingItsField() {
        // Decimal128 holds 34 digits and exponents up to 6111: beyond that the store would refuse the write
        ResponseEntity<Map> huge = create("DV-6T", "2021H1", Map.of("RESIDENTS", Map.of("value", new BigDecimal("1e999999"))));
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(huge.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errors(huge)).extracting(e -> e.get("field")).containsExactly("values.RESIDENTS");

        String id = (String) create("DV-6T", "2021H1", Map.of()).getBody().get("id");
        ResponseEntity<Map> tooLarge = send(HttpMethod.PUT, "/api/v1/reports/" + id + "/values", Map.of("values",
                Map.of("RESIDENTS", Map.of("value", "1e999999"), "BRIEFING_PARTICIPANTS", Map.of("value", "1234567890".repeat(4)))),
                "en", null);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(tooLarge)).extracting(e -> e.get("field") + ": " + e.get("message")).containsExactlyInAnyOrder(
                "values.RESIDENTS: value 1e999999 is too large or has too many digits (at most 34 significant digits)",
                "values.BRIEFING_PARTICIPANTS: value " + "1234567890".repeat(4)
                        + " is too large or has too many digits (at most 34 significant digits)");
    }

    @Test
    void aReportSubmittedBeforeItsDueDateIsOnTimeAndASecondOneForTheSamePeriodIsADuplicate() {
        String period = (today().getYear() + 1) + "H1";
        ResponseEntity<Map> created = create("DV-6T", period, semiannual(2400, 8, 3));
        String id = (String) created.getBody().get("id");
        ResponseEntity<Map> submitted = send(HttpMethod.POST, "/api/v1/reports/" + id + "/submit", null, null, null);
        assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED").containsEntry("late", false);

        ResponseEntity<Map> again = create("DV-6T", period.toLowerCase(), Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("type", "https://danvan.org/problems/duplicate-report")
                .containsEntry("detail", "Đơn vị " + unit + " đã có báo cáo theo mẫu DV-6T cho kỳ " + period + ".");

        ResponseEntity<Map> wrongPeriod = send(HttpMethod.POST, "/api/v1/reports", Map.of("formCode", "DV-6T",
                "unitId", unit, "period", "2025Q3", "values", Map.of("CASES_RESOLVED", Map.of("value", "nhiều"))), "en", null);
        assertThat(wrongPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(wrongPeriod)).extracting(e -> e.get("field") + ": " + e.get("message")).containsExactlyInAnyOrder(
                "period: period 2025Q3 does not fit form DV-6T (reported SEMIANNUAL)",
                "values.CASES_RESOLVED: value nhiều is invalid: it must be a whole number, not negative");

        List<Map<String, Object>> found = http.getForObject("/api/v1/reports?unit=" + unit + "&status=SUBMITTED", List.class);
        assertThat(found).extracting(r -> r.get("id")).containsExactly(id);
        assertThat(http.getForObject("/api/v1/reports?unit=" + unit + "&status=ACCEPTED", List.class)).isEmpty();
    }

    @Test
    void bulkImportCreatesEveryRowAsASubmittedReportOrNoneAtAll() {
        String other = unit + "-B";
        String csv = """
                Mã đơn vị;Kỳ báo cáo;RESIDENTS;Số người tham gia ít nhất một tổ chức Mặt trận, đoàn thể;MEMBERS_ACTIVE;Tổng số khu dân cư;Khu dân cư đạt khu dân cư tiêu biểu;MODEL_AREAS;MODELS_BUILT;SUPERVISION_SESSIONS;DIALOGUE_CONFERENCES;BRIEFING_CLASSES;BRIEFING_PARTICIPANTS
                %s;2024H2;1.500;1.425;1.300;10;6;3;2;1;1;3;250
                %s;2024H2;800;760;700;5;2;4;1;1;1;2;120
                %s;2024H5;800;760;700;5;2;1;1;1;1;2;120
                """.formatted(unit, other, other);
        ResponseEntity<Map> rejected = importCsv(csv, "en");
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody()).containsEntry("type", "https://danvan.org/problems/report-import-rejected");
        assertThat(errors(rejected)).extracting(e -> e.get("row") + " " + e.get("field")).containsExactly(
                "2 rules.MODEL_WITHIN_EXEMPLARY", "3 period");
        assertThat(errors(rejected).get(1).get("reason")).isEqualTo("period 2024H5 is invalid (e.g. 2025, 2025H1, 2025Q3)");
        assertThat(http.getForObject("/api/v1/reports?unit=" + unit, List.class)).isEmpty();

        ResponseEntity<Map> imported = importCsv(csv.replace(";5;2;4;", ";5;2;1;").replace("2024H5", "2025H1"), null);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("imported")).isEqualTo(3);
        List<Map<String, Object>> mine = http.getForObject("/api/v1/reports?unit=" + unit + "&form=DV-6T&period=2024H2", List.class);
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("status", "SUBMITTED").containsEntry("late", true);
            assertThat(((Map<String, Map<String, Object>>) r.get("values")).get("RESIDENTS")).containsEntry("value", 1500);
            assertThat(((Map<String, Map<String, Object>>) r.get("values")).get("MEMBERS_ENROLLED")).containsEntry("value", 1425);
        });
        assertThat(http.getForObject("/api/v1/reports?unit=" + other + "&status=SUBMITTED", List.class)).hasSize(2);

        // JSON rows: one repeats a stored report, so none of them is imported
        String third = unit + "-C";
        List<Map<String, Object>> json = List.of(
                Map.of("Mã đơn vị", third, "Kỳ báo cáo", "2025", "Mẫu báo cáo", "MTDT-QUY", "RESIDENTS", 10),
                Map.of("unitId", third, "period", "2025Q1", "formCode", "MTDT-QUY",
                        "values", Map.of("RESIDENTS", 100, "MEMBERS_ENROLLED", 90, "MEMBERS_ACTIVE", Map.of("value", 80, "estimated", true))),
                Map.of("unitId", unit, "period", "2024H2", "formCode", "DV-6T", "values", semiannual(1500, 6, 3)));
        ResponseEntity<Map> refused = send(HttpMethod.POST, "/api/v1/reports/import", json, null, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("row") + " " + e.get("field")).contains("1 period", "3 unitId");
        assertThat(errors(refused)).filteredOn(e -> e.get("row").equals(3)).singleElement().extracting(e -> e.get("reason"))
                .isEqualTo("đơn vị " + unit + " đã có báo cáo theo mẫu DV-6T cho kỳ 2024H2");
        assertThat(http.getForObject("/api/v1/reports?unit=" + third, List.class)).isEmpty();

        ResponseEntity<Map> accepted = send(HttpMethod.POST, "/api/v1/reports/import", json.subList(1, 2), null, null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForObject("/api/v1/reports?unit=" + third, List.class)).singleElement()
                .satisfies(r -> assertThat(((Map<String, Map<String, Object>>) ((Map<String, Object>) r).get("values"))
                        .get("MEMBERS_ACTIVE")).containsEntry("estimated", true));
    }

    @Test
    void aReportReceivedOnPaperAndTypedInLaterKeepsTheDayItWasReceived() {
        // received on paper on 10/07/2021, due 15/07/2021, typed in years later: on time, and who entered it is kept
        String id = (String) create("DV-6T", "2021H1", semiannual(2400, 8, 3)).getBody().get("id");
        ResponseEntity<Map> submitted = send(HttpMethod.POST, "/api/v1/reports/" + id + "/submit",
                Map.of("receivedOn", "2021-07-10"), null, null);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(submitted.getBody()).containsEntry("late", false).containsEntry("firstSubmittedOn", "2021-07-10");
        assertThat((Map<String, Object>) submitted.getBody().get("receipt")).containsEntry("receivedOn", "2021-07-10")
                .containsEntry("enteredBy", "test-operator").containsKey("enteredAt");

        String before = (String) create("DV-6T", "2022H1", semiannual(2400, 8, 3)).getBody().get("id");
        ResponseEntity<Map> tooEarly = send(HttpMethod.POST, "/api/v1/reports/" + before + "/submit",
                Map.of("receivedOn", "2021-12-31"), "en", null);
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(tooEarly)).extracting(e -> e.get("field")).containsExactly("receivedOn");
        ResponseEntity<Map> future = send(HttpMethod.POST, "/api/v1/reports/" + before + "/submit",
                Map.of("receivedOn", today().plusDays(1).toString()), "en", null);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // the same through a bulk import: a "Ngày nhận" column in Vietnamese date format
        String csv = """
                Mã đơn vị;Kỳ báo cáo;Ngày nhận;RESIDENTS;MEMBERS_ENROLLED;MEMBERS_ACTIVE;RESIDENTIAL_AREAS;EXEMPLARY_AREAS;MODEL_AREAS;MODELS_BUILT;SUPERVISION_SESSIONS;DIALOGUE_CONFERENCES;BRIEFING_CLASSES;BRIEFING_PARTICIPANTS
                %s;2020H2;10/01/2021;1500;1425;1300;10;6;3;2;1;1;3;250
                %s;2020H1;20/07/2020;1500;1425;1300;10;6;3;2;1;1;3;250
                """.formatted(unit, unit);
        assertThat(importCsv(csv, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForObject("/api/v1/reports?unit=" + unit + "&period=2020H2", List.class)).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r).containsEntry("late", false)
                        .containsEntry("firstSubmittedOn", "2021-01-10"));
        assertThat(http.getForObject("/api/v1/reports?unit=" + unit + "&period=2020H1", List.class)).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r).containsEntry("late", true));
    }

    private ResponseEntity<Map> importCsv(String csv, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange("/api/v1/reports/import?form=DV-6T", HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    }

    @Test
    void theCatalogueAndFormsAreReadInVietnameseOrEnglish() {
        assertThat(http.getForObject("/api/v1/data-elements/RESIDENTS", Map.class)).containsEntry("name",
                "Số người trong độ tuổi tham gia các đoàn thể trên địa bàn").containsEntry("aggregation", "LAST_IN_PERIOD");
        ResponseEntity<Map> enrolment = send(HttpMethod.GET, "/api/v1/indicators/ENROLMENT_RATE", null, "en", null);
        assertThat(enrolment.getBody()).containsEntry("name", "Share of residents enrolled in the mass organisations")
                .containsEntry("numerator", "MEMBERS_ENROLLED").containsEntry("denominator", "RESIDENTS")
                .containsEntry("factor", 100);
        assertThat(http.getForObject("/api/v1/indicators", List.class)).hasSizeGreaterThanOrEqualTo(17);
        assertThat(http.getForObject("/api/v1/data-elements", List.class)).hasSizeGreaterThanOrEqualTo(30);

        Map<String, Object> form = send(HttpMethod.GET, "/api/v1/report-forms/DV-NAM", null, "en", null).getBody();
        assertThat(form).containsEntry("periodType", "ANNUAL").containsEntry("name", "Annual mass-mobilisation report");
        assertThat((List<Map<String, Object>>) form.get("rules")).extracting(r -> r.get("expression"))
                .contains("CADRES_TRAINED <= CADRES", "MODEL_AREAS <= EXEMPLARY_AREAS");
        assertThat(http.getForObject("/api/v1/report-forms", List.class)).hasSize(3);

        ResponseEntity<Map> missing = send(HttpMethod.GET, "/api/v1/data-elements/NOPE", null, null, null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("detail", "Không tìm thấy chỉ số dữ liệu có mã NOPE.");
        assertThat(send(HttpMethod.GET, "/api/v1/report-forms/NOPE", null, "en", null).getBody())
                .containsEntry("detail", "No report form with id NOPE was found.");
    }
}
