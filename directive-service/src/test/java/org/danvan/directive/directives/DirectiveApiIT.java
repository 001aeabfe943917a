package org.danvan.directive.directives;

import org.danvan.contracts.directive.DirectiveContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.EventTypes;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.Topics;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
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

@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class DirectiveApiIT {

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

    static String directive(String number) {
        return """
                {"number":"%s","kind":"RESOLUTION","title":"Nghị quyết về nâng cao chất lượng Mặt trận và đoàn thể",
                 "issuerUnitId":"u-duc-trong","issuedOn":"2021-06-30","recipientUnitIds":["u-commune-1"],
                 "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                             "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"}}],
                 "reportingDuty":{"cadence":"ANNUAL","dueOffsetDays":15,"reportToUnitId":"u-duc-trong"}}
                """.formatted(number);
    }

    private ResponseEntity<Map> post(String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange("/api/v1/directives", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    @Test
    void issuesADirectiveAndPublishesAValidIssuedEventKeyedByItsId() {
        ResponseEntity<Map> created = post(directive("05-NQ/HU-" + System.nanoTime()), null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/directives/" + id);
        Map<?, ?> read = http.getForObject("/api/v1/directives/" + id, Map.class);
        assertThat(read.get("status")).isEqualTo("ISSUED");
        assertThat((List<?>) read.get("targets")).hasSize(1);

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.records().stream().filter(r -> id.equals(r.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        CloudEvent event = KafkaCloudEvents.read(record.headers(), record.value());
        assertThat(event.type()).isEqualTo(DirectiveContract.DIRECTIVE_ISSUED);
        assertThat(event.source()).isEqualTo("/danvan/directive-service");
        assertThat(event.subject()).isEqualTo(id);
        assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
        assertThat(new String(event.data(), StandardCharsets.UTF_8)).contains("\"threshold\":95");
    }

    @Test
    void listsEveryFieldAtFaultInOneProblemInTheCallersLanguage() {
        String invalid = """
                {"kind":"MEMO_NOT_A_KIND"}
                """;
        ResponseEntity<Map> unreadable = post(invalid, "en");
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

        ResponseEntity<Map> en = post("{\"targets\":[]}", "en");
        assertThat(en.getBody().get("title")).isEqualTo("Invalid data");
        assertThat((List<Map<String, String>>) en.getBody().get("errors"))
                .filteredOn(e -> e.get("field").equals("number")).singleElement()
                .extracting(e -> e.get("message")).isEqualTo("must not be blank");
    }

    @Test
    void rejectsASecondDirectiveWithTheSameNumberFromTheSameIssuer() {
        String number = "246-CV/TU-" + System.nanoTime();
        assertThat(post(directive(number), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> again = post(directive(number), "en");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type")).isEqualTo("https://danvan.org/problems/duplicate-directive-number");
        assertThat(again.getBody().get("detail")).isEqualTo(
                "Unit u-duc-trong has already issued a directive numbered " + number + ".");
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
        assertThat(metrics).contains("application=\"directive-service\"").contains("danvan_outbox_backlog");
    }
}
