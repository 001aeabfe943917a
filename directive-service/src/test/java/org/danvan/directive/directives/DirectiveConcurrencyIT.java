package org.danvan.directive.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveAcknowledged;
import org.danvan.contracts.directive.DirectiveAmended;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * Eight callers step one directive at once through the API — each acknowledges for its commune and amends
 * it, retrying on 409 as a client would. Every answer is 2xx or a 409 problem with the current ETag, never a
 * 500, and every step reaches {@code danvan.directives.v1} once, the versions without a gap.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class DirectiveConcurrencyIT {

    private static final int CALLERS = 8;
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(DirectiveContract.DIRECTIVES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void concurrentStepsAnswerOkOrConflictAndPublishEachEventOnceWithGapFreeVersions() throws Exception {
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        unit(run + "-DT", "DISTRICT", null);
        for (int c = 1; c <= CALLERS; c++) {
            unit(run + "-C" + c, "COMMUNE", run + "-DT");
        }
        String id = (String) send("/api/v1/directives", directive(run)).getBody().get("id");

        ConcurrentLinkedQueue<ResponseEntity<Map>> answers = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> callers = new ArrayList<>();
        for (int c = 1; c <= CALLERS; c++) {
            String commune = run + "-C" + c;
            String amendment = "{\"directive\":" + directive(run) + ",\"changes\":[\"sửa đổi của " + commune + "\"]}";
            callers.add(pool.submit(() -> {
                start.await();
                untilDone(answers, "/api/v1/directives/" + id + "/acknowledgements",
                        "{\"unitId\":\"" + commune + "\",\"acknowledgedOn\":\"2021-07-05\"}");
                untilDone(answers, "/api/v1/directives/" + id + "/amend", amendment);
                return null;
            }));
        }
        for (Future<?> caller : callers) {
            caller.get();
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.CONFLICT);
            if (answer.getStatusCode() == HttpStatus.CONFLICT) {
                assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(answer.getBody().get("type")).isEqualTo("https://danvan.org/problems/conflict");
                assertThat(answer.getHeaders().getETag()).isNotBlank();
            }
        });
        assertThat(answers).as("the callers really raced").anyMatch(answer -> answer.getStatusCode() == HttpStatus.CONFLICT);
        Map<?, ?> directive = http.getForObject("/api/v1/directives/" + id, Map.class);
        assertThat(directive.get("version")).isEqualTo(1 + CALLERS);

        int expected = 1 + CALLERS + CALLERS;
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60))
                .until(() -> probe.events(id), list -> list.size() >= expected);
        assertThat(events).as("each step's event once by ce_id").hasSize(expected);
        Map<String, List<ConsumerRecord<String, byte[]>>> byType = new HashMap<>();
        events.forEach(r -> byType.computeIfAbsent(EventProbe.header(r, "ce_type"), t -> new ArrayList<>()).add(r));
        assertThat(byType.get(DirectiveContract.DIRECTIVE_ACKNOWLEDGED)).extracting(r -> read(r, DirectiveAcknowledged.class).unitId())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CALLERS).mapToObj(c -> run + "-C" + c).toList());
        assertThat(byType.get(DirectiveContract.DIRECTIVE_ISSUED)).extracting(r -> read(r, DirectiveIssued.class).version())
                .containsExactly(1);
        assertThat(byType.get(DirectiveContract.DIRECTIVE_AMENDED)).extracting(r -> read(r, DirectiveAmended.class).version())
                .as("gap-free, in order").containsExactlyElementsOf(IntStream.rangeClosed(2, 1 + CALLERS).boxed().toList());
    }

    /** Posts until the step is taken, as a client retries a 409; keeps every answer. */
    private void untilDone(ConcurrentLinkedQueue<ResponseEntity<Map>> answers, String path, String body) {
        ResponseEntity<Map> answer;
        do {
            answer = send(path, body);
            answers.add(answer);
        } while (answer.getStatusCode() == HttpStatus.CONFLICT);
    }

    private static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return EventJson.read(KafkaCloudEvents.read(record.headers(), record.value()).data(), type);
    }

    private ResponseEntity<Map> send(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private void unit(String code, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Đảng ủy " + code, "kind", "PARTY_COMMITTEE",
                "level", level, "openedOn", "2000-01-01"));
        if (parent != null) {
            body.put("parentId", parent);
        }
        assertThat(http.postForEntity("/api/v1/units", body, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static String directive(String run) {
        return """
                {"number":"%s-NQ/HU","kind":"RESOLUTION","title":"Nghị quyết về công tác dân vận",
                 "issuerUnitId":"%s-DT","issuedOn":"2021-06-30","recipientGroups":[{"kind":"PARTY_COMMITTEE","level":"COMMUNE"}],
                 "targets":[]}
                """.formatted(run, run);
    }
}
