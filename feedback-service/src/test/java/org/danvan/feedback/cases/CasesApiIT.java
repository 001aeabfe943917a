package org.danvan.feedback.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.feedback.CaseMerged;
import org.danvan.contracts.feedback.CaseSubmitted;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.deadlines.Complexity;
import org.danvan.feedback.deadlines.DeadlineStep;
import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every kind of case along its legal path, through the HTTP API, the unit and intake topics and the case topic. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class CasesApiIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UnitDirectory directory;
    @Autowired
    Deadlines deadlines;
    @Autowired
    OverdueCheck overdue;
    @Autowired
    CaseMerges merges;
    @Autowired
    Clock clock;

    private FeedbackTestTree tree;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(FeedbackContract.CASES.name(), FeedbackContract.DEAD_LETTERS.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void tree() {
        tree = new FeedbackTestTree(http, probe, directory);
    }

    private LocalDate day(int offset) {
        return LocalDate.now(clock).plusDays(offset);
    }

    private Map<String, Object> file(String kind, String subject, String area, int receivedOffset, Map<String, Object> citizen) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "subject", subject,
                "content", subject + " — nội dung chi tiết của công dân.", "areaUnitId", area, "channel", "COUNTER",
                "receivedOn", day(receivedOffset).toString()));
        if (citizen != null) {
            body.put("citizen", citizen);
        }
        ResponseEntity<Map<String, Object>> filed = tree.post("/api/v1/cases", body, tree.reviewerA);
        assertThat(filed.getStatusCode()).as(String.valueOf(filed.getBody())).isEqualTo(HttpStatus.CREATED);
        return filed.getBody();
    }

    private Map<String, Object> step(String id, String action, Map<String, Object> body, String token) {
        ResponseEntity<Map<String, Object>> response = tree.post("/api/v1/cases/" + id + "/" + action, body, token);
        assertThat(response.getStatusCode()).as(action + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<String> eventTypes(String caseId) {
        return probe.events(caseId).stream().filter(r -> r.topic().equals(FeedbackContract.CASES.name()))
                .map(r -> EventProbe.header(r, "ce_type")).toList();
    }

    @Test
    void aComplaintIsResolvedReopenedIntoASecondRoundAtTheProvinceAndExplainedWithARoadmap() {
        Map<String, Object> filed = file("COMPLAINT", "Khiếu nại về bồi thường đất nông nghiệp", tree.villageA, -50,
                Map.of("name", "Trần Thị Bình", "phone", "0912345678"));
        String id = (String) filed.get("id");
        assertThat(filed.get("acceptanceDueOn")).isEqualTo(
                deadlines.due("COMPLAINT", DeadlineStep.ACCEPTANCE, 1, Complexity.NORMAL, false, day(-50)).toString());

        Map<String, Object> accepted = step(id, "accept", Map.of("on", day(-45).toString()), tree.reviewerA);
        assertThat(accepted).containsEntry("status", "ACCEPTED").containsEntry("responsibleUnitId", tree.communeA)
                .containsEntry("dueOn", deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.NORMAL, false, day(-45)).toString());
        step(id, "assign", Map.of("unitId", tree.communeA, "reason", "Giao công chức địa chính xã", "on", day(-44).toString()), tree.reviewerA);
        step(id, "start", Map.of(), tree.reviewerA);
        Map<String, Object> resolved = step(id, "resolve", Map.of("summary", "Quyết định giải quyết khiếu nại lần đầu",
                "on", day(-20).toString()), tree.reviewerA);
        assertThat(resolved).containsEntry("status", "RESOLVED");
        assertThat((Map<String, Object>) resolved.get("resolution")).containsEntry("onTime", true);

        // an illegal step names the allowed ones, in Vietnamese by default and in English on request
        ResponseEntity<Map<String, Object>> illegal = tree.post("/api/v1/cases/" + id + "/accept", Map.of(), tree.reviewerA);
        assertThat(illegal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(illegal.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(illegal.getBody()).containsEntry("type", "https://danvan.org/problems/case-illegal-transition")
                .containsEntry("title", "Bước xử lý không hợp lệ").containsEntry("allowed", List.of("close", "reopen"));
        assertThat(tree.exchange(HttpMethod.POST, "/api/v1/cases/" + id + "/accept", Map.of(), tree.reviewerA, "en").getBody())
                .containsEntry("title", "Step not allowed");

        // the citizen follows the case without an account and is not satisfied
        String code = (String) filed.get("trackingCode");
        var secretHeaders = tree.headers(null, null);
        secretHeaders.set(CaseTrackingController.SECRET_HEADER, (String) filed.get("trackingSecret"));
        var tracked = http.exchange("/api/v1/cases/track/" + code, HttpMethod.GET, new org.springframework.http.HttpEntity<>(secretHeaders), Map.class);
        assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tracked.getBody()).containsEntry("status", "RESOLVED");
        assertThat(tracked.getBody().toString()).doesNotContain("Giao công chức địa chính xã").doesNotContain("0912345678");
        var wrongSecret = tree.headers(null, null);
        wrongSecret.set(CaseTrackingController.SECRET_HEADER, "not-the-secret");
        assertThat(http.exchange("/api/v1/cases/track/" + code, HttpMethod.GET, new org.springframework.http.HttpEntity<>(wrongSecret),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        var reopened = http.exchange("/api/v1/cases/track/" + code + "/reopen", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("reason", "Không đồng ý với quyết định lần đầu"), secretHeaders), Map.class);
        assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reopened.getBody()).containsEntry("round", 2).containsEntry("status", "RECEIVED");

        // the second round belongs to the next authority up; the commune may still read it but not decide it
        Map<String, Object> round2 = tree.get("/api/v1/cases/" + id, tree.provinceReviewer).getBody();
        assertThat(round2).containsEntry("responsibleUnitId", tree.province).containsEntry("round", 2);
        assertThat(tree.get("/api/v1/cases/" + id, tree.reviewerA).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tree.post("/api/v1/cases/" + id + "/accept", Map.of(), tree.reviewerA).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> accepted2 = step(id, "accept", Map.of(), tree.provinceReviewer);
        assertThat(accepted2).containsEntry("dueOn",
                deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 2, Complexity.NORMAL, false, LocalDate.now(clock)).toString());
        Map<String, Object> explained = step(id, "explain", Map.of("explanation", "Chờ đo đạc lại ranh giới thửa đất",
                "roadmap", List.of(Map.of("description", "Đo đạc lại", "dueOn", day(30).toString()),
                        Map.of("description", "Ra quyết định lần hai", "dueOn", day(60).toString()))), tree.provinceReviewer);
        assertThat(explained).containsEntry("status", "EXPLAINED");
        assertThat((List<?>) explained.get("roadmap")).hasSize(2);
        step(id, "roadmap", Map.of("step", 1, "status", "DONE"), tree.provinceReviewer);
        step(id, "close", Map.of(), tree.provinceReviewer);
        ResponseEntity<Map<String, Object>> noThirdRound = tree.post("/api/v1/cases/" + id + "/reopen", Map.of("reason", "Lần ba"), tree.provinceReviewer);
        assertThat(noThirdRound.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(noThirdRound.getBody()).containsEntry("allowed", List.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes(id)).containsExactly(
                FeedbackContract.CASE_RECEIVED, FeedbackContract.CASE_ACCEPTED, FeedbackContract.CASE_ASSIGNED,
                FeedbackContract.CASE_RESOLVED, FeedbackContract.CASE_REOPENED, FeedbackContract.CASE_ACCEPTED,
                FeedbackContract.CASE_EXPLAINED, FeedbackContract.CASE_CLOSED));
    }

    @Test
    void aDenunciationIsExtendedWithinTheLawGoesOverdueOncePerBreachAndItsDenouncerStaysSecret() {
        Map<String, Object> filed = file("DENUNCIATION", "Tố cáo cán bộ địa chính nhận tiền", tree.villageA, -80,
                Map.of("name", "Lê Văn Cường", "idNumber", "068123456789", "address", "Thôn Phú Thạnh"));
        String id = (String) filed.get("id");
        step(id, "accept", Map.of("complexity", "COMPLEX", "on", day(-75).toString()), tree.reviewerA);

        overdue.markOverdue(LocalDate.now(clock));
        overdue.markOverdue(LocalDate.now(clock));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains(FeedbackContract.CASE_OVERDUE));
        assertThat(eventTypes(id)).filteredOn(FeedbackContract.CASE_OVERDUE::equals).hasSize(1);

        LocalDate firstDue = deadlines.due("DENUNCIATION", DeadlineStep.RESOLUTION, 1, Complexity.COMPLEX, false, day(-75));
        Map<String, Object> extended = step(id, "extend", Map.of("reason", "Cần xác minh thêm tại ngân hàng"), tree.reviewerA);
        assertThat(extended).containsEntry("dueOn", deadlines.extended("DENUNCIATION", 1, Complexity.COMPLEX, 0, firstDue).orElseThrow().toString());
        ResponseEntity<Map<String, Object>> second = tree.post("/api/v1/cases/" + id + "/extend", Map.of("reason", "Lần nữa"), tree.reviewerA);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsEntry("type", "https://danvan.org/problems/case-no-extension-left");

        // the extended deadline has passed too: a second, distinct breach
        overdue.markOverdue(LocalDate.now(clock));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).stream().filter(FeedbackContract.CASE_OVERDUE::equals).count() == 2);
        Map<String, Object> resolved = step(id, "resolve", Map.of("summary", "Kết luận nội dung tố cáo"), tree.reviewerA);
        assertThat((Map<String, Object>) resolved.get("resolution")).containsEntry("onTime", false);

        // handlers see a pseudonym; only the confidential-case handler of the subtree sees the person
        Map<String, Object> view = tree.get("/api/v1/cases/" + id, tree.reviewerA).getBody();
        assertThat((List<String>) view.get("complainants")).singleElement().asString().startsWith("CD-");
        assertThat(view.toString()).doesNotContain("Lê Văn Cường").doesNotContain("068123456789");
        String identity = "/api/v1/cases/" + id + "/identity?purpose=xac-minh";
        assertThat(tree.get(identity, tree.reviewerA).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tree.get(identity, tree.handlerB).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tree.get(identity, tree.provinceReviewer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<List<Map<String, Object>>> revealed = tree.list(identity, tree.handlerA);
        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getBody()).singleElement().satisfies(person -> assertThat(person)
                .containsEntry("name", "Lê Văn Cường").containsEntry("idNumber", "068123456789"));
        List<Map<String, Object>> log = tree.list("/api/v1/cases/" + id + "/identity/access-log", tree.handlerA).getBody();
        assertThat(log).extracting(entry -> entry.get("granted")).containsExactly(false, false, false, true);
        assertThat(log).extracting(entry -> entry.get("reader")).contains("handler-a-" + tree.run, "reviewer-a-" + tree.run);
    }

    @Test
    void anAnonymousDenunciationIsRecordedAsInformation() {
        Map<String, Object> filed = file("DENUNCIATION", "Phản ánh nặc danh về khai thác cát", tree.villageA, -1, null);
        assertThat(filed).containsEntry("kind", "INFORMATION");
        assertThat(tree.get("/api/v1/cases/" + filed.get("id"), tree.reviewerA).getBody()).containsEntry("anonymous", true);
    }

    @Test
    void aRecommendationIsRefusedWithReasonsAndClosedNeverClosedWhileOpen() {
        String id = (String) file("RECOMMENDATION", "Kiến nghị làm đường liên thôn", tree.villageA, -5,
                Map.of("name", "Phạm Văn Dũng")).get("id");
        ResponseEntity<Map<String, Object>> silentClose = tree.post("/api/v1/cases/" + id + "/close", Map.of(), tree.reviewerA);
        assertThat(silentClose.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(silentClose.getBody()).containsEntry("allowed", List.of("accept", "refuse", "assign", "merge"));
        Map<String, Object> refused = step(id, "refuse", Map.of("reasons", List.of("NOT_WITHIN_JURISDICTION")), tree.reviewerA);
        assertThat(refused).containsEntry("refusalReasons", List.of("NOT_WITHIN_JURISDICTION"));
        assertThat(step(id, "close", Map.of(), tree.reviewerA)).containsEntry("status", "CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes(id)).containsExactly(
                FeedbackContract.CASE_RECEIVED, FeedbackContract.CASE_REFUSED, FeedbackContract.CASE_CLOSED));
    }

    @Test
    void theSameMatterFiledTwiceIsSuggestedMergedAndShowsAsAHotspot() {
        String first = (String) file("REFLECTION", "Ô nhiễm tiếng ồn từ xưởng gỗ ban đêm", tree.villageA, -3,
                Map.of("name", "Nguyễn Thị Hoa")).get("id");
        String second = (String) file("REFLECTION", "Xưởng gỗ gây ô nhiễm tiếng ồn vào ban đêm", tree.villageA, -1,
                Map.of("name", "Hoàng Văn Em")).get("id");
        List<Map<String, Object>> suggestions = tree.list("/api/v1/cases/" + second + "/duplicates", tree.reviewerA).getBody();
        assertThat(suggestions).extracting(s -> s.get("caseId")).first().isEqualTo(first);

        Map<String, Object> merged = step(second, "merge", Map.of("intoCaseId", first), tree.reviewerA);
        assertThat(merged).containsEntry("status", "MERGED").containsEntry("mergedIntoCaseId", first);
        // the case merged into absorbs the other from the merged event
        Map<String, Object> into = await().atMost(Duration.ofSeconds(30)).until(
                () -> tree.get("/api/v1/cases/" + first, tree.reviewerA).getBody(), c -> ((List<?>) c.get("complainants")).size() == 2);
        assertThat(into).containsEntry("prolonged", true).containsEntry("repeats", 1);
        // a redelivered merged event changes nothing
        assertThat(merges.apply(new CaseMerged(second, "REFLECTION", tree.communeA, first, day(0), 2))).isFalse();
        assertThat(tree.get("/api/v1/cases/" + first, tree.reviewerA).getBody()).containsEntry("repeats", 1)
                .containsEntry("version", into.get("version")).satisfies(c -> assertThat((List<?>) c.get("complainants")).hasSize(2));

        // filed with the province about a commune matter: over-level
        Map<String, Object> overLevel = new HashMap<>(Map.of("kind", "REFLECTION", "subject", "Đường ngập nước",
                "content", "Đường thôn ngập sau mưa", "areaUnitId", tree.villageA, "filedWithUnitId", tree.province));
        String overLevelId = (String) tree.post("/api/v1/cases", overLevel, null).getBody().get("id");
        assertThat(tree.get("/api/v1/cases/" + overLevelId, tree.reviewerA).getBody()).containsEntry("overLevel", true)
                .containsEntry("channel", "WEB").containsEntry("anonymous", true);

        List<Map<String, Object>> hotspots = tree.list("/api/v1/cases/hotspots", tree.provinceReviewer).getBody();
        assertThat(hotspots).filteredOn(h -> tree.communeA.equals(h.get("unitId"))).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("overLevel", 1).containsEntry("repeats", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(second).contains(FeedbackContract.CASE_MERGED));
    }

    @Test
    void eachCadreSeesOnlyTheCasesOfTheirSubtreeAndSearchIgnoresDiacritics() {
        String inA = (String) file("REFLECTION", "Đèn đường hỏng ở Đức Trọng", tree.villageA, -2, Map.of("name", "Võ Thị Giang")).get("id");
        assertThat(tree.get("/api/v1/cases/" + inA, tree.cadreB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(tree.list("/api/v1/cases?q=duc trong", tree.cadreB).getBody()).extracting(c -> c.get("id")).doesNotContain(inA);
        assertThat(tree.list("/api/v1/cases?q=den duong duc trong", tree.reviewerA).getBody()).extracting(c -> c.get("id")).contains(inA);
        assertThat(tree.list("/api/v1/cases?unit=" + tree.communeA, tree.provinceReviewer).getBody()).extracting(c -> c.get("id")).contains(inA);
        assertThat(tree.post("/api/v1/cases/" + inA + "/accept", Map.of(), tree.reviewerB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // a cadre may work on a case but not decide on it
        assertThat(tree.post("/api/v1/cases/" + inA + "/accept", Map.of(), TestTokens.issue("cadre-a", tree.communeA, "cadre"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withoutAValidTokenOnlyTheCitizenEndpointsAnswer() {
        String path = "/api/v1/cases?unit=" + tree.communeA;
        for (String token : new String[] {null, TestTokens.expired("x", tree.communeA, "reviewer"),
                TestTokens.fromOtherIssuer("x", tree.communeA, "reviewer"), TestTokens.signedWithOtherKey("x", tree.communeA, "reviewer"),
                TestTokens.tampered("x", tree.communeA, "cadre")}) {
            ResponseEntity<Map<String, Object>> refused = tree.get(path, token);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody()).containsEntry("type", "https://danvan.org/problems/unauthenticated");
        }
        assertThat(tree.list(path, tree.reviewerA).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void casesFromOtherPortalsAreFiledOnceWhateverTheRedeliveryAndBadOnesAreDeadLettered() {
        String externalId = "dvc-" + tree.run;
        CaseSubmitted submitted = new CaseSubmitted(externalId, "COMPLAINT", "Khiếu nại qua Cổng dịch vụ công",
                "Nội dung khiếu nại", tree.villageB, day(-1), new CaseSubmitted.Citizen("Đinh Văn Hùng", null, "0987654321", null, null));
        for (int delivery = 0; delivery < 3; delivery++) {
            probe.send(KafkaCloudEvents.toRecord(FeedbackContract.CASE_INTAKE.name(), new CloudEvent(UUID.randomUUID().toString(),
                    "https://dichvucong.gov.vn", FeedbackContract.CASE_SUBMITTED, externalId, Instant.now(), EventJson.write(submitted))));
        }
        CaseSubmitted unknownArea = new CaseSubmitted("bad-" + tree.run, "COMPLAINT", "Khiếu nại", "Nội dung", "no-such-unit", day(-1), null);
        probe.send(KafkaCloudEvents.toRecord(FeedbackContract.CASE_INTAKE.name(), new CloudEvent("bad-" + tree.run,
                "https://dichvucong.gov.vn", FeedbackContract.CASE_SUBMITTED, "bad-" + tree.run, Instant.now(), EventJson.write(unknownArea))));

        await().atMost(Duration.ofSeconds(60)).until(() -> probe.records().stream()
                .anyMatch(r -> r.topic().equals(FeedbackContract.DEAD_LETTERS.name()) && ("bad-" + tree.run).equals(r.key())));
        ConsumerRecord<String, byte[]> dead = probe.records().stream()
                .filter(r -> r.topic().equals(FeedbackContract.DEAD_LETTERS.name()) && ("bad-" + tree.run).equals(r.key())).findFirst().orElseThrow();
        Header reason = dead.headers().lastHeader("x-exception-message");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("areaUnitId").contains("case.unknown-unit");

        List<Map<String, Object>> inB = tree.list("/api/v1/cases?unit=" + tree.communeB, tree.reviewerB).getBody();
        assertThat(inB).filteredOn(c -> "INTAKE".equals(c.get("channel"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("subject", "Khiếu nại qua Cổng dịch vụ công"));
    }
}
