package org.danvan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.danvan.support.limits.MaxItems;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hostile input to any service answers a 4xx problem naming what is wrong: parameters out of range, of the
 * wrong type or missing; lists over the configured limit; multipart bodies; paths Tomcat cannot decode.
 */
@DanvanIntegrationTest
@TestPropertySource(properties = {"spring.application.name=hostile-input", "spring.mongodb.database=hostile-input",
        "danvan.limits.max-items=3"})
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = TestTokens.issue("test-operator", null, "operator");

    @Value("${local.server.port}")
    int port;

    @SpringBootApplication
    @Import(Things.class)
    static class App {
    }

    record Names(@MaxItems List<@NotBlank String> names) {
    }

    /** Validated as the services' controllers are: by the class-level {@code @Validated} proxy. */
    @RestController
    @Validated
    static class Things {

        @GetMapping("/things")
        String search(@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(required = false) LocalDate day) {
            return "[]";
        }

        @GetMapping("/things/{id}/why")
        String why(@PathVariable String id, @RequestParam @NotBlank String purpose) {
            return "{}";
        }

        @PostMapping("/things")
        String create(@Valid @RequestBody Names names) {
            return "{}";
        }
    }

    @Test
    void parametersOutOfRangeOfTheWrongTypeOrMissingAreNamed() throws Exception {
        assertProblem(get("/things?page=-1"), 400, "\"field\":\"page\"", "must be greater than or equal to 0");
        assertProblem(get("/things?page=abc"), 400, "\"field\":\"page\"", "has the wrong type");
        assertProblem(get("/things?day=2025-13-45"), 400, "\"field\":\"day\"", "has the wrong type");
        assertProblem(get("/things/1/why?purpose="), 400, "\"field\":\"purpose\"", "must not be blank");
        assertProblem(get("/things/1/why"), 400, "\"field\":\"purpose\"", "is required");
    }

    @Test
    void aListOverTheConfiguredLimitIsRefusedNamingTheFieldAndTheLimit() throws Exception {
        assertProblem(post("application/json", "{\"names\":[\"a\",\"b\",\"c\",\"d\"]}"), 400, "\"field\":\"names\"",
                "may have at most 3 items");
        assertThat(post("application/json", "{\"names\":[\"a\",\"b\",\"c\"]}").statusCode()).isEqualTo(200);
    }

    @Test
    void aMultipartBodyIsAnUnsupportedMediaType() throws Exception {
        HttpResponse<String> multipart = post("multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"names\"\r\n\r\na\r\n--x--\r\n");

        assertProblem(multipart, 415, "Content type");
    }

    @Test
    void aPathTomcatCannotDecodeIsAProblemToo() throws Exception {
        assertProblem(get("/things/%C3%28/why?purpose=audit"), 400, "\"title\":\"Bad request\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return HTTP.send(request("/things").header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Accept-Language", "en");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... contained) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(contained);
    }
}
