package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not part of {@code ./mvnw verify}: pages of the real web application (started as a process with the
 * whole platform, as for the browser tests), signed out and signed in as the commune's cadre (session cookie of a
 * real Keycloak sign-in in Chromium), each beside its ceilings in the same run: the gateway calls it makes — as
 * counted and timed by the web application itself ({@code http.client.requests} at {@code /actuator/prometheus},
 * per page) and, for a page with one main call, that call made directly at the gateway with the cadre's token —
 * and a static file of the web application. The staff pages read a directive with a target on the communes and
 * {@link #CASES} cases filed in the commune. Each target gets {@code danvan.benchmark.requests} (2,000) requests
 * from {@code danvan.benchmark.clients} (8) clients after a warm-up. Run it with {@code ./mvnw -B -pl e2e-tests -am
 * verify -Dit.test=WebPagesBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(BrowserTests.class)
class WebPagesBenchmark {

    private static final Logger log = LoggerFactory.getLogger(WebPagesBenchmark.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = Integer.getInteger("danvan.benchmark.requests", 2_000);
    private static final int CLIENTS = Integer.getInteger("danvan.benchmark.clients", 8);
    private static final int CASES = 20;
    private static final String CADRE = "xa.canbo";

    /** A page or a ceiling: signed out, with the cadre's web session, or with the cadre's token at the gateway. */
    private record Target(String name, String url, Auth auth) {
    }

    private enum Auth { NONE, SESSION, TOKEN }

    @Test
    void pagesBesideTheirCeilings(WebPlatform platform, Browser browser) throws Exception {
        seed(platform);
        browser.signInAt("/cases", CADRE);
        String session = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        String gateway = platform.gateway();
        List<Target> targets = List.of(
                new Target("`/` (front page, no API call)", WebPlatform.WEB + "/", Auth.NONE),
                new Target("`/petitions`", WebPlatform.WEB + "/petitions", Auth.NONE),
                new Target("ceiling: `/api/v1/petitions` at the gateway", gateway + "/api/v1/petitions", Auth.NONE),
                new Target("`/unit` (My unit today, the commune's cadre)", WebPlatform.WEB + "/unit", Auth.SESSION),
                new Target("`/cases` (the case queue)", WebPlatform.WEB + "/cases", Auth.SESSION),
                new Target("ceiling: `/api/v1/cases` at the gateway", gateway + "/api/v1/cases", Auth.TOKEN),
                new Target("`/directives` (directive search)", WebPlatform.WEB + "/directives", Auth.SESSION),
                new Target("ceiling: `/api/v1/directives?page=0&size=20` at the gateway", gateway + "/api/v1/directives?page=0&size=20", Auth.TOKEN),
                new Target("ceiling: `/css/danvan.css` from the web application", WebPlatform.WEB + "/css/danvan.css", Auth.NONE));
        List<String> table = new ArrayList<>(List.of(
                "| target | requests/s | p50 ms | p95 ms | p99 ms | gateway calls per page | their ms per page (mean) |",
                "|---|---|---|---|---|---|---|"));
        for (Target target : targets) {
            // a fresh token for each direct call: Keycloak's access tokens live for minutes
            String auth = switch (target.auth()) {
                case NONE -> null;
                case SESSION -> session;
                case TOKEN -> "Bearer " + platform.accessToken(CADRE);
            };
            HttpRequest request = request(target.url(), target.auth(), auth);
            run(request, REQUESTS / 4);
            GatewayCalls before = GatewayCalls.now();
            long start = System.nanoTime();
            List<Long> times = run(request, REQUESTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            GatewayCalls made = GatewayCalls.now().minus(before);
            Collections.sort(times);
            boolean page = target.url().startsWith(WebPlatform.WEB) && !target.url().endsWith(".css");
            table.add("| %s | %,.0f | %.1f | %.1f | %.1f | %s | %s |".formatted(target.name(), REQUESTS / seconds,
                    percentile(times, 50), percentile(times, 95), percentile(times, 99),
                    page ? "%.1f".formatted(made.count() / REQUESTS) : "—", page ? "%.1f".formatted(made.seconds() * 1000 / REQUESTS) : "—"));
        }
        log.info("{} requests per target, {} clients:\n{}", REQUESTS, CLIENTS, String.join("\n", table));
    }

    /** The web application's calls to the gateway so far, as it counts and times them. */
    private record GatewayCalls(double count, double seconds) {

        static GatewayCalls now() throws Exception {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(WebPlatform.WEB + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new GatewayCalls(sum(metrics, "http_client_requests_seconds_count{"), sum(metrics, "http_client_requests_seconds_sum{"));
        }

        private static double sum(String metrics, String series) {
            return metrics.lines().filter(line -> line.startsWith(series))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }

        GatewayCalls minus(GatewayCalls before) {
            return new GatewayCalls(count - before.count, seconds - before.seconds);
        }
    }

    /**
     * The province's directive with a yearly enrolment target on its communes and a quarterly report owed, and
     * {@link #CASES} citizens' cases in the commune; reporting-service and feedback-service learn the units and
     * the directive from their events, a moment after.
     */
    private static void seed(WebPlatform platform) throws Exception {
        String province = "Bearer " + platform.accessToken("tinh.canbo");
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        HttpResponse<String> issued = send(platform.gateway() + "/api/v1/directives", province, """
                {"number":"%s","kind":"RESOLUTION","title":"Nghị quyết về nâng cao chất lượng đoàn thể","issuerUnitId":"LD",
                 "issuedOn":"%d-01-02","recipientUnitIds":["DT-X1","DT-X2"],
                 "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                             "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"},"description":"Tỷ lệ tham gia đoàn thể"}],
                 "reportingDuty":{"cadences":["QUARTERLY"],"dueOffsetDays":15,"reportToUnitId":"LD"}}
                """.formatted("20-NQ/TU-" + UUID.randomUUID(), year));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String directive = JSON.readTree(issued.body()).get("id").asString();
        await("reporting-service knows the directive's target").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> HTTP.send(request(platform.gateway() + "/api/v1/targets?directive=" + directive, Auth.TOKEN, province),
                        HttpResponse.BodyHandlers.ofString()).body().contains("targetId"));
        for (int i = 0; i < CASES; i++) {
            String file = """
                    {"kind":"REFLECTION","subject":"Đèn đường thôn %d hỏng","content":"Đèn đường của thôn hỏng đã hai tuần.",
                     "areaUnitId":"DT-X1"}""".formatted(i);
            await("feedback-service knows the commune").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> send(platform.gateway() + "/api/v1/cases", null, file).statusCode() == 201);
        }
    }

    private static HttpResponse<String> send(String url, String auth, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url, Auth kind, String auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "vi");
        switch (kind) {
            case SESSION -> request.header("Cookie", auth);
            case TOKEN -> request.header("Authorization", auth);
            case NONE -> { }
        }
        return request.build();
    }

    /** Nanoseconds of each of {@code count} GETs from {@link #CLIENTS} clients; every answer a 200 (a staff page, not the sign-in). */
    private static List<Long> run(HttpRequest request, int count) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>(count));
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < count / CLIENTS; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        times.add(System.nanoTime() - start);
                        assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        }
        return times;
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
