package org.danvan.feedback.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.cases.FeedbackTestTree;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;

/** Reception days and dialogues with their matters, commitments and the secretaries' reception duty. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class SessionsIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UnitDirectory directory;
    @Autowired
    Sessions sessions;

    private FeedbackTestTree tree;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(FeedbackContract.PETITIONS.name(), FeedbackContract.SESSIONS.name(), FeedbackContract.CASES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void tree() {
        tree = new FeedbackTestTree(http, probe, directory);
    }

    @AfterEach
    void unpinClock() {
        TestClock.instance().reset();
    }

    /**
     * Pinned at 00:30 in Vietnam (still yesterday in UTC), at 23:59 in Vietnam, and at 00:30 on the first day
     * of Tết 2026: a reception held "today" is today in Vietnam, whatever the JVM's zone says.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T17:30:00Z", "2026-11-30T16:59:00Z", "2026-02-16T17:30:00Z"})
    void sessionsFileTheirMattersAsCasesFollowUpCommitmentsAndShowSecretariesBehindOnReceptionDays(String now) {
        TestClock.instance().pin(Instant.parse(now));
        LocalDate today = TestClock.instance().today();
        var held = tree.post("/api/v1/sessions", Map.of("kind", "RECEPTION_DAY", "hostUnitId", tree.communeA,
                "hostName", "Nguyễn Văn An", "hostTitle", "Bí thư Đảng ủy xã", "hostedBySecretary", true,
                "heldOn", today.toString(), "place", "Trụ sở Đảng ủy xã", "attendees", 12,
                "matters", List.of("Đường thôn Phú Thạnh ngập khi mưa", "Chậm cấp sổ đỏ"),
                "commitments", List.of(Map.of("text", "Khảo sát đường thôn", "responsibleUnitId", tree.communeA,
                        "dueOn", today.minusDays(1).toString()))), tree.reviewerA);
        assertThat(held.getStatusCode()).as(String.valueOf(held.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) held.getBody().get("id");
        var tomorrow = tree.post("/api/v1/sessions", Map.of("kind", "RECEPTION_DAY", "hostUnitId", tree.communeA,
                "hostName", "Nguyễn Văn An", "hostTitle", "Bí thư Đảng ủy xã", "hostedBySecretary", true,
                "heldOn", today.plusDays(1).toString(), "place", "Trụ sở Đảng ủy xã", "attendees", 1), tree.reviewerA);
        assertThat(tomorrow.getStatusCode()).as("tomorrow in Vietnam has not happened yet").isEqualTo(HttpStatus.BAD_REQUEST);

        var filed = tree.post("/api/v1/sessions/" + id + "/matters/1/case", Map.of("kind", "REFLECTION", "areaUnitId", tree.villageA), tree.reviewerA);
        String caseId = (String) ((List<Map<String, Object>>) filed.getBody().get("matters")).getFirst().get("caseId");
        assertThat(tree.get("/api/v1/cases/" + caseId, tree.reviewerA).getBody()).containsEntry("channel", "RECEPTION_SESSION");

        assertThat(sessions.reportDueCommitments(today)).isGreaterThanOrEqualTo(1);
        sessions.reportDueCommitments(today);
        var fulfilled = tree.post("/api/v1/sessions/" + id + "/commitments/1/fulfil", Map.of("note", "Đã khảo sát"), tree.reviewerA);
        assertThat(((List<Map<String, Object>>) fulfilled.getBody().get("commitments")).getFirst().get("fulfilledOn")).isEqualTo(today.toString());

        String month = YearMonth.from(today).toString();
        List<Map<String, Object>> behind = tree.list("/api/v1/sessions/reception-shortfalls?month=" + month + "&unit=" + tree.province,
                tree.provinceReviewer).getBody();
        assertThat(behind).extracting(s -> s.get("unitId")).containsExactlyInAnyOrder(tree.province, tree.communeA, tree.communeB);
        assertThat(behind).filteredOn(s -> tree.communeA.equals(s.get("unitId"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("daysRequired", 2).containsEntry("daysHeld", 1));
        // out of scope for a commune cadre
        assertThat(tree.get("/api/v1/sessions/" + id, tree.cadreB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.eventTypes(id))
                .containsExactly(FeedbackContract.SESSION_HELD, FeedbackContract.COMMITMENT_DUE, FeedbackContract.COMMITMENT_FULFILLED));
    }
}
