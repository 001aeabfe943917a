package org.danvan.directive.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.danvan.directive.units.UnitImportJobsClient;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two seed directives, kept in {@code directive-service/fixtures} as public API payloads: dispatch
 * 246-CV/TU of Quảng Ngãi (11 tasks, recipients, the six-monthly duty via the Mass Mobilisation Commission)
 * and the Đức Trọng resolution (every target of DOMAIN §4). Loaded through the API, read back field for field.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class SeedFixturesIT {

    private static final Path FIXTURES = Path.of("fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        // operators administer the tree and see every directive; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    @ParameterizedTest
    @CsvSource({"quang-ngai-units.json, 246-CV-TU.json, 25, 11, 0",
                "duc-trong-units.json, duc-trong-resolution.json, 13, 2, 12"})
    void loadsThroughTheApiAndReadsBackFieldForField(String units, String directive, int recipients, int tasks,
            int targets) throws IOException {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> imported = UnitImportJobsClient.ended(http, UnitImportJobsClient.start(http,
                Files.readString(FIXTURES.resolve(units)), MediaType.APPLICATION_JSON, "en"), "en", Duration.ofSeconds(60));
        assertThat(imported).as("%s", imported).containsEntry("phase", "DONE");
        String body = Files.readString(FIXTURES.resolve(directive));

        ResponseEntity<Map> created = http.postForEntity("/api/v1/directives", new HttpEntity<>(body, json), Map.class);

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> read = http.getForObject("/api/v1/directives/" + created.getBody().get("id"), Map.class);
        Map<String, Object> content = (Map<String, Object>) read.get("content");
        Map<String, Object> expected = JSON.readValue(body, Map.class);
        expected.forEach((field, value) -> assertContains(field, value, content.get(field)));
        assertThat((List<?>) read.get("recipients")).hasSize(recipients);
        assertThat((List<?>) content.get("tasks")).hasSize(tasks);
        assertThat((List<?>) content.get("targets")).hasSize(targets);
        assertThat(read.get("status")).isEqualTo("ISSUED");
    }

    /** Every value of the fixture is in the directive read back; the API may add fields (ids, nulls). */
    private static void assertContains(String path, Object expected, Object actual) {
        if (expected instanceof Map<?, ?> map) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            map.forEach((key, value) -> assertContains(path + "." + key, value, ((Map<?, ?>) actual).get(key)));
        } else if (expected instanceof List<?> list) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            assertThat((List<?>) actual).as(path).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertContains(path + "[" + i + "]", list.get(i), ((List<?>) actual).get(i));
            }
        } else if (expected instanceof Number number) {
            assertThat(actual).as(path).isInstanceOf(Number.class);
            assertThat(((Number) actual).doubleValue()).as(path).isEqualTo(number.doubleValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
