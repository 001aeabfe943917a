package org.danvan.feedback.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Staff noting on one case at the same moment, right after it was filed while the relay publishes its
 * received event: each note is one versioned write, so a loser gets a 409 with the current ETag (never a
 * 500), no note that was answered 2xx is lost, and no published event comes back.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class CaseConcurrencyIT {

    private static final int THREADS = 8;
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UnitDirectory directory;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(FeedbackContract.CASES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void concurrentNotesAreEachWrittenOrAConflictAndNoEventIsPublishedTwice() throws Exception {
        FeedbackTestTree tree = new FeedbackTestTree(http, probe, directory);
        var filed = tree.post("/api/v1/cases", Map.of("kind", "REFLECTION", "subject", "Đèn đường thôn hỏng",
                "content", "Đèn đường thôn A hỏng đã hai tuần.", "areaUnitId", tree.villageA), null);
        assertThat(filed.getStatusCode()).as(String.valueOf(filed.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) filed.getBody().get("id");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String note = "ghi chú " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return tree.post("/api/v1/cases/" + id + "/notes", Map.of("note", note), tree.reviewerA);
            }));
        }
        start.countDown();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            ResponseEntity<Map<String, Object>> answer = answers.get(i).get();
            assertThat(answer.getHeaders().getETag()).as("answer %d carries the version", i).isNotBlank();
            if (answer.getStatusCode().is2xxSuccessful()) {
                written.add("ghi chú " + i);
            } else {
                assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CONFLICT);
                assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.getBody()).containsEntry("type", "https://danvan.org/problems/conflict");
            }
        }
        pool.shutdown();
        assertThat(written).as("at least the first writer wins").isNotEmpty();

        Map<String, Object> stored = tree.get("/api/v1/cases/" + id, tree.reviewerA).getBody();
        List<String> notes = ((List<Map<String, Object>>) stored.get("timeline")).stream()
                .filter(e -> "note".equals(e.get("action"))).map(e -> (String) e.get("note")).toList();
        assertThat(notes).containsExactlyInAnyOrderElementsOf(written);
        assertThat(((Number) stored.get("version")).intValue()).isEqualTo(written.size());

        // raw records on purpose: a resurrected outbox entry would be published again under the same ce_id
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.eventTypes(id), types -> !types.isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                probe.records().stream().filter(r -> id.equals(r.key())).map(r -> EventProbe.header(r, "ce_id")).toList())
                .doesNotHaveDuplicates().hasSize(1));
        assertThat(probe.eventTypes(id)).containsExactly(FeedbackContract.CASE_RECEIVED);
    }
}
