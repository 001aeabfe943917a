package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.danvan.e2e.FuzzInputs.Probe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input through the gateway, for every operation its merged OpenAPI document lists (issue #11 §4):
 * whatever a caller sends, the answer is never a 5xx, every error is {@code application/problem+json}, and
 * none takes longer than {@link #SLOW}. The inputs are deterministic ({@link FuzzInputs}).
 */
class ApiFuzzIT {

    static final Duration SLOW = Duration.ofSeconds(5);
    /** The detail of the gateway's own 404, for a path no route leads to (never a service's not-found). */
    private static final String GATEWAY_HAS_NO_ROUTE = "Không có tài nguyên tại đường dẫn này.";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPERATOR = TestTokens.issue("fuzz-operator", null, "operator");

    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static ServiceProcess gateway;

    @BeforeAll
    static void startPlatform() {
        Map<String, String> env = Platform.serviceEnvironment(Map.of());
        ServiceProcess directives = start(new ServiceProcess("directive-service", env));
        ServiceProcess reporting = start(new ServiceProcess("reporting-service", env));
        ServiceProcess feedback = start(new ServiceProcess("feedback-service", env));
        processes.forEach(ServiceProcess::awaitHealthy);
        gateway = start(new ServiceProcess("gateway", Platform.gatewayEnvironment(directives.url(), reporting.url(), feedback.url(), Map.of())),
                // one client sends every probe, and some probes go to the endpoints open to citizens: no rate limit here
                "--danvan.gateway.client-per-minute=1000000", "--danvan.gateway.anonymous-per-minute=1000000").awaitHealthy();
    }

    private static ServiceProcess start(ServiceProcess process, String... arguments) {
        processes.add(process);
        return process.start(arguments);
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        for (ServiceProcess process : processes.reversed()) {
            process.stop();
        }
    }

    @Test
    void hostileInputToAnyOperationGetsAQuick4xxProblem() throws Exception {
        // a cold service may take longer to write its first document than the gateway waits for it
        String document = await().atMost(Duration.ofSeconds(90)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + "/v3/api-docs/danvan")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), body -> !body.contains("x-danvan-unavailable"));
        List<Probe> probes = new ArrayList<>(new FuzzInputs(JSON.readTree(document)).probes());
        probes.add(new Probe("GET /api/v1/units", "a 9 KB header", "GET", "/api/v1/units", Map.of("X-Fuzz", "h".repeat(9 * 1024)), null));
        probes.add(new Probe("GET /api/v1/units", "a 9,000-character query", "GET", "/api/v1/units?q=" + "q".repeat(9_000), Map.of(), null));

        List<String> offences = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Probe probe : probes) {
            String offence = offence(probe, statuses);
            if (offence != null) {
                offences.add(probe.operation() + " [" + probe.input() + "] " + offence);
            }
        }

        assertThat(offences).as("%d probes of %d operations, answered %s", probes.size(),
                probes.stream().map(Probe::operation).distinct().count(), statuses).isEmpty();
        // the probes got past the front door to the services' own checks, or the run proves nothing
        assertThat(statuses).as("answers by status").containsKeys(400, 415).doesNotContainKey(401);
    }

    /** What is wrong with the answer to the probe, or null; counts the answer's status. */
    private static String offence(Probe probe, Map<Integer, Integer> statuses) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + probe.path()))
                .timeout(SLOW.multipliedBy(3)).header("Authorization", "Bearer " + OPERATOR)
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return "→ no answer within " + SLOW.multipliedBy(3).toSeconds() + " s";
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String contentType = response.headers().firstValue("Content-Type").orElse("none");
        String body = response.body().replaceAll("\\s+", " ");
        String answer = "→ " + response.statusCode() + " " + contentType + " in " + took.toMillis() + " ms: "
                + body.substring(0, Math.min(body.length(), 300));
        if (response.statusCode() >= 500) {
            return answer;
        }
        if (response.statusCode() >= 400 && !contentType.startsWith("application/problem+json")) {
            return answer;
        }
        if (response.statusCode() == 404 && body.contains(GATEWAY_HAS_NO_ROUTE)) {
            // a documented operation the gateway does not route to its service
            return answer;
        }
        return took.compareTo(SLOW) > 0 ? answer : null;
    }
}
