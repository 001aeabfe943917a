package org.danvan.directive.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveAmended;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.DirectiveRevoked;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class DirectiveApiIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    Directives directives;

    private String run;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(DirectiveContract.DIRECTIVES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    /** A district party committee with its commune party committees, as recipients. */
    @BeforeEach
    void tree() {
        // operators administer the tree and see every directive; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
        run = UUID.randomUUID().toString().substring(0, 8);
        unit("DT", "Huyện ủy Đức Trọng", "DISTRICT", null);
        for (int c = 1; c <= 15; c++) {
            unit("C" + c, "Đảng ủy xã " + c, "COMMUNE", "DT");
        }
    }

    private String code(String local) {
        return run + "-" + local;
    }

    private void unit(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code(code), "name", name, "kind", "PARTY_COMMITTEE",
                "level", level, "openedOn", "2000-01-01"));
        if (parent != null) {
            body.put("parentId", code(parent));
        }
        assertThat(http.postForEntity("/api/v1/units", body, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    String directive(String number, String issuer, String extra) {
        return """
                {"number":"%s","kind":"RESOLUTION","title":"Nghị quyết về nâng cao chất lượng Mặt trận và đoàn thể",
                 "issuerUnitId":"%s","issuedOn":"2021-06-30","recipientGroups":[{"kind":"PARTY_COMMITTEE","level":"COMMUNE"}],
                 "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                             "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"}}],
                 "reportingDuty":{"cadence":"ANNUAL","dueOffsetDays":15,"reportToUnitId":"%s"}%s}
                """.formatted(number, issuer, issuer, extra);
    }

    private ResponseEntity<Map> send(HttpMethod method, String path, String body, String language, String ifMatch) {
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

    private ResponseEntity<Map> post(String body, String language) {
        return send(HttpMethod.POST, "/api/v1/directives", body, language, null);
    }

    private CloudEvent awaitEvent(String key, String type) {
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.records().stream().filter(r -> key.equals(r.key()))
                        .filter(r -> type.equals(KafkaCloudEvents.read(r.headers(), r.value()).type())).findFirst(),
                Optional::isPresent).orElseThrow();
        CloudEvent event = KafkaCloudEvents.read(record.headers(), record.value());
        assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
        return event;
    }

    @Test
    void issuesADirectiveToTheRecipientsItsGroupsResolveToAndPublishesTheIssuedEvent() {
        ResponseEntity<Map> created = post(directive("05-NQ/HU", code("DT"), ""), null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/directives/" + id);
        assertThat(created.getHeaders().getETag()).isNotBlank();
        Map<?, ?> read = http.getForObject("/api/v1/directives/" + id, Map.class);
        assertThat(read.get("status")).isEqualTo("ISSUED");
        assertThat((List<?>) ((Map<?, ?>) read.get("content")).get("targets")).hasSize(1);
        assertThat((List<String>) read.get("recipients")).hasSize(15).allMatch(r -> r.startsWith(run + "-C"));

        CloudEvent event = awaitEvent(id, DirectiveContract.DIRECTIVE_ISSUED);
        assertThat(event.source()).isEqualTo("/danvan/directive-service");
        DirectiveIssued issued = EventJson.read(event.data(), DirectiveIssued.class);
        assertThat(issued.recipientUnitIds()).hasSize(15);
        assertThat(issued.targets().getFirst().threshold()).isEqualByComparingTo("95");
        assertThat(issued.reportingDuty().reportToUnitId()).isEqualTo(code("DT"));
        // the request's single cadence, as clients sent it before a duty had several
        assertThat(issued.reportingDuty().cadences()).containsExactly(ReportingDuty.Cadence.ANNUAL);
    }

    @Test
    void listsEveryFieldAtFaultInOneProblemInTheCallersLanguage() {
        ResponseEntity<Map> unreadable = post("{\"kind\":\"MEMO_NOT_A_KIND\"}", "en");
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        ResponseEntity<Map> vi = post("{\"targets\":[{}]}", "vi");
        assertThat(vi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(vi.getBody().get("type")).isEqualTo("https://danvan.org/problems/validation");
        assertThat(vi.getBody().get("title")).isEqualTo("Dữ liệu không hợp lệ");
        List<Map<String, String>> errors = (List<Map<String, String>>) vi.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("number", "kind", "title", "issuerUnitId",
                "issuedOn", "targets[0].indicatorCode", "targets[0].comparator", "targets[0].threshold",
                "targets[0].unit", "targets[0].period");
        assertThat(errors).filteredOn(e -> e.get("field").equals("number")).singleElement()
                .extracting(e -> e.get("message")).isEqualTo("không được để trống");

        String wrong = """
                {"number":"1-NQ","kind":"RESOLUTION","title":"t","issuerUnitId":"%s","issuedOn":"2021-06-30",
                 "recipientUnitIds":["%s","nowhere"],"implementsDirectiveIds":["no-such-directive"],
                 "targets":[{"indicatorCode":"HAPPINESS","comparator":"BETWEEN","threshold":5,"unit":"PERCENT",
                             "period":{"type":"BY_DATE"}}],
                 "reportingDuty":{"cadences":[],"dueOffsetDays":15,"reportToUnitId":"ghost"}}
                """.formatted(code("DT"), code("C1"));
        ResponseEntity<Map> en = post(wrong, "en");
        assertThat(en.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) en.getBody().get("errors")).extracting(e -> e.get("field") + ": " + e.get("message"))
                .containsExactlyInAnyOrder(
                        "recipientUnitIds[1]: there is no unit nowhere open on 2021-06-30",
                        "reportingDuty.reportToUnitId: there is no unit ghost open on 2021-06-30",
                        "reportingDuty.cadences: a reporting duty needs at least one cadence (quarterly, half-yearly, yearly)",
                        "targets[0].indicatorCode: indicator HAPPINESS is not in the catalogue",
                        "targets[0].upperThreshold: a range target needs an upper threshold not below the lower one",
                        "targets[0].period.to: a target judged by a date needs its end date",
                        "implementsDirectiveIds[0]: there is no directive no-such-directive");
    }

    @Test
    void rejectsASecondDirectiveWithTheSameNumberFromTheSameIssuer() {
        assertThat(post(directive("246-CV/TU", code("DT"), ""), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> again = post(directive("246-CV/TU", code("DT"), ""), "en");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type")).isEqualTo("https://danvan.org/problems/duplicate-directive-number");
        assertThat(again.getBody().get("detail")).isEqualTo(
                "Unit " + code("DT") + " has already issued a directive numbered 246-CV/TU.");
    }

    @Test
    void draftsAreEditableUntilIssuedAndIssuedDirectivesOnlyChangeByAmendmentKeepingEveryVersion() {
        ResponseEntity<Map> draft = post(directive("07-NQ/HU", code("DT"), ",\"draft\":true"), null);
        String id = (String) draft.getBody().get("id");
        assertThat(draft.getBody().get("status")).isEqualTo("DRAFT");

        ResponseEntity<Map> stale = send(HttpMethod.PUT, "/api/v1/directives/" + id,
                directive("07-NQ/HU", code("DT"), ",\"draft\":true"), "en", "\"42\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        ResponseEntity<Map> edited = send(HttpMethod.PUT, "/api/v1/directives/" + id,
                directive("07-NQ/HU", code("DT"), ",\"draft\":true").replace("\"threshold\":95", "\"threshold\":96"),
                null, draft.getHeaders().getETag());
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> issued = send(HttpMethod.POST, "/api/v1/directives/" + id + "/issue", null, null,
                edited.getHeaders().getETag());
        assertThat(issued.getBody().get("status")).isEqualTo("ISSUED");

        ResponseEntity<Map> editIssued = send(HttpMethod.PUT, "/api/v1/directives/" + id,
                directive("07-NQ/HU", code("DT"), ""), "en", null);
        assertThat(editIssued.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) editIssued.getBody().get("allowed")).containsExactly("amend", "revoke", "supersede", "acknowledge");

        String amendment = "{\"directive\":" + directive("07-NQ/HU", code("DT"), "").replace("\"threshold\":95", "\"threshold\":97")
                + ",\"changes\":[\"Nâng chỉ tiêu tham gia đoàn thể lên 97 %\"]}";
        ResponseEntity<Map> amended = send(HttpMethod.POST, "/api/v1/directives/" + id + "/amend", amendment, null, null);
        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(amended.getBody()).containsEntry("status", "AMENDED").containsEntry("version", 2);

        List<Map<String, Object>> versions = http.getForObject("/api/v1/directives/" + id + "/versions", List.class);
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2);
        assertThat(versions.get(0).toString()).contains("threshold=96");
        DirectiveAmended event = EventJson.read(awaitEvent(id, DirectiveContract.DIRECTIVE_AMENDED).data(), DirectiveAmended.class);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.targets().getFirst().threshold()).isEqualByComparingTo("97");
        assertThat(event.changes()).containsExactly("Nâng chỉ tiêu tham gia đoàn thể lên 97 %");

        ResponseEntity<Map> revoked = send(HttpMethod.POST, "/api/v1/directives/" + id + "/revoke",
                "{\"effectiveOn\":\"2023-01-01\",\"reason\":\"Đã hoàn thành\"}", null, null);
        assertThat(revoked.getBody().get("status")).isEqualTo("REVOKED");
        awaitEvent(id, DirectiveContract.DIRECTIVE_REVOKED);
        assertThat(send(HttpMethod.POST, "/api/v1/directives/" + id + "/amend", amendment, null, null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void computesComplianceFromAcknowledgementsAndImplementingPlansPerLevel() {
        String parent = (String) post(directive("20-CTr/HU", code("DT"), ""), null).getBody().get("id");
        for (int c = 1; c <= 12; c++) {
            assertThat(send(HttpMethod.POST, "/api/v1/directives/" + parent + "/acknowledgements",
                    "{\"unitId\":\"" + code("C" + c) + "\",\"acknowledgedOn\":\"2021-07-05\"}", null, null).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        send(HttpMethod.POST, "/api/v1/directives/" + parent + "/acknowledgements",
                "{\"unitId\":\"" + code("C1") + "\",\"acknowledgedOn\":\"2021-07-09\"}", null, null);
        for (int c = 1; c <= 10; c++) {
            String plan = """
                    {"number":"%d-KH/ĐU","kind":"PLAN","title":"Kế hoạch thực hiện","issuerUnitId":"%s","issuedOn":"2021-07-20",
                     "recipientUnitIds":["%s"],"implementsDirectiveIds":["%s"],"targets":[]}
                    """.formatted(c, code("C" + c), code("DT"), parent);
            assertThat(post(plan, "en").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<Map> outsider = send(HttpMethod.POST, "/api/v1/directives/" + parent + "/acknowledgements",
                "{\"unitId\":\"" + code("DT") + "\",\"acknowledgedOn\":\"2021-07-05\"}", "en", null);
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

        Map<String, Object> before = http.getForObject("/api/v1/directives/" + parent + "/compliance?withoutPlanAfterDays=30&asOf=2021-07-01", Map.class);
        Map<String, Object> early = http.getForObject("/api/v1/directives/" + parent + "/compliance?withoutPlanAfterDays=30&asOf=2021-07-15", Map.class);
        Map<String, Object> late = http.getForObject("/api/v1/directives/" + parent + "/compliance?withoutPlanAfterDays=30&asOf=2021-09-01", Map.class);

        // as of means as of: nothing acknowledged before 5/7, no plan before 20/7
        assertThat(before).containsEntry("asOf", "2021-07-01").containsEntry("acknowledged", 0).containsEntry("withPlan", 0);
        assertThat(early).containsEntry("recipients", 15).containsEntry("acknowledged", 12).containsEntry("withPlan", 0);
        assertThat((List<?>) early.get("withoutPlan")).isEmpty();
        assertThat(late).containsEntry("acknowledged", 12).containsEntry("withPlan", 10);
        assertThat((List<String>) late.get("withoutPlan")).containsExactlyInAnyOrder(code("C11"), code("C12"), code("C13"),
                code("C14"), code("C15"));
        assertThat((List<Map<String, Object>>) late.get("byLevel")).singleElement().satisfies(level -> assertThat(level)
                .containsEntry("level", "COMMUNE").containsEntry("recipients", 15).containsEntry("withPlan", 10));
        CloudEvent planFiled = awaitEvent(parent, DirectiveContract.DIRECTIVE_PLAN_FILED);
        assertThat(planFiled.subject()).isEqualTo(parent);
    }

    @Test
    void searchesByWordsWithoutDiacriticsAndByIssuerYearAndStatus() {
        post(directive("09-NQ/HU", code("DT"), ",\"focusTheme\":\"Đẩy mạnh thực hiện quy chế dân chủ ở cơ sở\""), null);

        Map<?, ?> found = http.getForObject("/api/v1/directives?q=quy che dan chu&issuer=" + code("DT") + "&year=2021&status=ISSUED", Map.class);
        Map<?, ?> otherYear = http.getForObject("/api/v1/directives?q=quy che dan chu&issuer=" + code("DT") + "&year=2022", Map.class);

        assertThat(((Number) found.get("total")).intValue()).isEqualTo(1);
        assertThat(((Number) otherYear.get("total")).intValue()).isZero();
    }

    @Test
    void anIdempotencyKeyMakesARepeatedCreateReplayTheFirstAnswerInsteadOfCreatingAgain() {
        String body = directive("11-NQ/HU", code("DT"), "");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "key-" + run);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");

        ResponseEntity<Map> first = http.exchange("/api/v1/directives", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
        ResponseEntity<Map> again = http.exchange("/api/v1/directives", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
        ResponseEntity<Map> otherBody = http.exchange("/api/v1/directives", HttpMethod.POST,
                new HttpEntity<>(body.replace("11-NQ/HU", "12-NQ/HU"), headers), Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(otherBody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(otherBody.getBody().get("type")).isEqualTo("https://danvan.org/problems/idempotency-key-reused");
        Map<?, ?> found = http.getForObject("/api/v1/directives?issuer=" + code("DT") + "&q=11-NQ", Map.class);
        assertThat(((Number) found.get("total")).intValue()).isEqualTo(1);
    }

    @Test
    void refusesImplementsLinksThatWouldMakeACycle() {
        String resolution = (String) post(directive("25-NQ/HU", code("DT"), ""), null).getBody().get("id");
        String programme = (String) post(directive("20-CTr/HU", code("DT"),
                ",\"implementsDirectiveIds\":[\"" + resolution + "\"]"), null).getBody().get("id");
        String amendment = "{\"directive\":" + directive("25-NQ/HU", code("DT"),
                ",\"implementsDirectiveIds\":[\"" + programme + "\"]") + ",\"changes\":[\"thực hiện chương trình 20\"]}";

        ResponseEntity<Map> cycle = send(HttpMethod.POST, "/api/v1/directives/" + resolution + "/amend", amendment, "en", null);

        assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) cycle.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("implementsDirectiveIds[0]");
        assertThat(cycle.getBody().toString()).contains("would make a cycle");
    }

    @Test
    void aDirectivePastItsValidityExpiresWithARevokedEvent() {
        String id = (String) post(directive("13-NQ/HU", code("DT"), ",\"validUntil\":\"2021-12-31\""), null).getBody().get("id");

        assertThat(directives.expire(java.time.LocalDate.of(2022, 1, 1))).isGreaterThanOrEqualTo(1);

        Map<?, ?> read = http.getForObject("/api/v1/directives/" + id, Map.class);
        assertThat(read.get("status")).isEqualTo("EXPIRED");
        assertThat(read.get("endedOn")).isEqualTo("2022-01-01");
        DirectiveRevoked revoked = EventJson.read(awaitEvent(id, DirectiveContract.DIRECTIVE_REVOKED).data(), DirectiveRevoked.class);
        assertThat(revoked.reason()).isEqualTo("expired");
        assertThat(directives.expire(java.time.LocalDate.of(2022, 1, 2))).as("expired once only").isZero();
    }

    @Test
    void answersUnknownDirectivesWithAProblem() {
        ResponseEntity<Map> missing = http.getForEntity("/api/v1/directives/nope", Map.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("detail")).isEqualTo("Không tìm thấy directive có mã nope.");
    }

    @Test
    void exposesHealthAndPrometheusMetricsTaggedWithTheApplication() {
        Map<?, ?> health = http.getForObject("/actuator/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) health.get("components")).containsKey("mongo")).isTrue();

        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("application=\"directive-service\"").contains("danvan_outbox_backlog")
                .contains("danvan_units_open").contains("danvan_directives_recipients_without_plan_overdue");
    }
}
