package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.testsupport.TestInfrastructure;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Two gateway instances against one Redis share each caller's allowance: a limit of N a minute lets N requests
 * through in total, however the caller spreads them over the instances. Without Redis the limits fail open. And
 * a gateway that cannot reach Redis still cuts off a service that never answers.
 */
class SharedRateLimitsIT {

    private static final int ANONYMOUS_PER_MINUTE = 3;
    private static final int CLIENT_PER_MINUTE = 4;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger BACKEND_CALLS = new AtomicInteger();
    private static final String HUNG = "/api/v1/units/hung";
    private static HttpServer backend;
    private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();
    /** Closed last: the contexts share Reactor Netty's global event loops, which closing one of them shuts. */
    private static final List<ConfigurableApplicationContext> OTHERS = new ArrayList<>();

    @BeforeAll
    static void startABackendAndTwoGateways() throws IOException {
        String redis = TestInfrastructure.requireRedis().url();
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            BACKEND_CALLS.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        // a hung service: takes the request and never answers
        backend.createContext(HUNG, exchange -> {
        });
        backend.start();
        GATEWAYS.add(gateway(redis));
        GATEWAYS.add(gateway(redis));
        // what earlier runs against the same Redis counted for this test's callers
        GATEWAYS.getFirst().getBean(ReactiveStringRedisTemplate.class)
                .delete(GATEWAYS.getFirst().getBean(ReactiveStringRedisTemplate.class).scan()
                        .filter(key -> key.startsWith("request_rate_limiter."))).block();
    }

    @AfterAll
    static void stop() {
        OTHERS.forEach(ConfigurableApplicationContext::close);
        GATEWAYS.forEach(ConfigurableApplicationContext::close);
        if (backend != null) {
            backend.stop(0);
        }
    }

    static ConfigurableApplicationContext gateway(String redisUrl, String... more) {
        String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.web-application-type=reactive",
                "--spring.data.redis.url=" + redisUrl,
                "--DIRECTIVE_SERVICE_URL=" + backendUrl, "--REPORTING_SERVICE_URL=" + backendUrl, "--FEEDBACK_SERVICE_URL=" + backendUrl,
                "--danvan.gateway.anonymous-per-minute=" + ANONYMOUS_PER_MINUTE,
                "--danvan.gateway.client-per-minute=" + CLIENT_PER_MINUTE,
                "--danvan.security.issuer=" + TestTokens.ISSUER,
                "--danvan.security.public-key-location=" + TestTokens.publicKeyLocation()));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String url(ConfigurableApplicationContext gateway, String path) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort() + path;
    }

    private static double counted(String name, String... tags) {
        return GATEWAYS.stream().mapToDouble(g -> g.getBean(MeterRegistry.class).get(name).tags(tags).counter().count()).sum();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCitizensAllowanceIsSharedByTheGatewaysAndCountedByTheConnectionsAddressWhateverHeaderTheySend() throws Exception {
        int before = BACKEND_CALLS.get();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 2 * ANONYMOUS_PER_MINUTE; i++) {
            answers.add(send(HttpRequest.newBuilder(URI.create(url(GATEWAYS.get(i % 2), "/api/v1/cases")))
                    .header("X-Forwarded-For", "198.51.100." + i).header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))));
        }

        assertThat(answers).extracting(HttpResponse::statusCode)
                .containsExactly(200, 200, 200, 429, 429, 429);
        assertThat(BACKEND_CALLS.get() - before).isEqualTo(ANONYMOUS_PER_MINUTE);
        HttpResponse<String> refused = answers.getLast();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(refused.body()).contains("\"type\":\"https://danvan.org/problems/rate-limited\"", "\"status\":429",
                "\"title\":\"Too many requests\"", "\"detail\":\"Try again in 20 seconds.\"", "\"instance\":\"/api/v1/cases\"");
        assertThat(counted("danvan.gateway.rate.limited", "caller", "anonymous")).isEqualTo(ANONYMOUS_PER_MINUTE);

        // reading petitions without an account is not one of the limited citizen endpoints
        for (int i = 0; i < 2 * ANONYMOUS_PER_MINUTE; i++) {
            assertThat(send(HttpRequest.newBuilder(URI.create(url(GATEWAYS.get(i % 2), "/api/v1/petitions")))).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void eachSignedInUserHasOneAllowanceAcrossTheGateways() throws Exception {
        String integration = TestTokens.issue("integration-" + System.nanoTime(), "unit-1", "cadre");
        String other = TestTokens.issue("other-" + System.nanoTime(), "unit-1", "cadre");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * CLIENT_PER_MINUTE; i++) {
            statuses.add(send(HttpRequest.newBuilder(URI.create(url(GATEWAYS.get(i % 2), "/api/v1/directives")))
                    .header("Authorization", "Bearer " + integration)).statusCode());
        }
        int otherUser = send(HttpRequest.newBuilder(URI.create(url(GATEWAYS.getLast(), "/api/v1/directives")))
                .header("Authorization", "Bearer " + other)).statusCode();

        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429, 429, 429);
        assertThat(otherUser).isEqualTo(200);
    }

    private static String closedRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "redis://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void aServiceThatNeverAnswersIsCutOffAfterTheResponseTimeout() throws Exception {
        ConfigurableApplicationContext gateway = gateway(closedRedis(), "--danvan.gateway.backends.response-timeout=1s");
        OTHERS.add(gateway);
        String token = TestTokens.issue("hung-" + System.nanoTime(), "unit-1", "cadre");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url(gateway, HUNG)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("https://danvan.org/problems/service-unavailable");
    }

    @Test
    void withoutRedisTheLimitsFailOpenAtOnceAndCountIt() throws Exception {
        ConfigurableApplicationContext alone = gateway(closedRedis());
        OTHERS.add(alone);
        int before = BACKEND_CALLS.get();
        for (int i = 0; i < 2 * ANONYMOUS_PER_MINUTE; i++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url(alone, "/api/v1/cases")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        assertThat(BACKEND_CALLS.get() - before).isEqualTo(2 * ANONYMOUS_PER_MINUTE);
        assertThat(alone.getBean(MeterRegistry.class).get("danvan.gateway.rate.limiter.unavailable").counter().count())
                .isEqualTo(2 * ANONYMOUS_PER_MINUTE);
    }
}
