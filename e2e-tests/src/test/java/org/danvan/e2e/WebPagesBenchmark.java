package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not part of {@code ./mvnw verify}: the signed-out pages of the real web application (started as
 * a process with the whole platform, as for the browser tests), each beside its ceiling in the same run — the
 * gateway call the petitions page makes, and a static file of the web application. Each target gets
 * {@code danvan.benchmark.requests} (2,000) requests from {@code danvan.benchmark.clients} (8) clients after a
 * warm-up. Run it with {@code ./mvnw -B -pl e2e-tests -am verify -Dit.test=WebPagesBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(BrowserTests.class)
class WebPagesBenchmark {

    private static final Logger log = LoggerFactory.getLogger(WebPagesBenchmark.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int REQUESTS = Integer.getInteger("danvan.benchmark.requests", 2_000);
    private static final int CLIENTS = Integer.getInteger("danvan.benchmark.clients", 8);

    @Test
    void signedOutPagesBesideTheirCeilings(WebPlatform platform) throws Exception {
        List<String> table = new ArrayList<>(List.of("| target | requests/s | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|"));
        for (String url : List.of(WebPlatform.WEB + "/", WebPlatform.WEB + "/petitions", platform.gateway() + "/api/v1/petitions",
                WebPlatform.WEB + "/css/danvan.css")) {
            run(url, REQUESTS / 4);
            long start = System.nanoTime();
            List<Long> times = run(url, REQUESTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(times);
            table.add("| `%s` | %,.0f | %.1f | %.1f | %.1f |".formatted(url.replaceFirst("http://[^/]+", ""), REQUESTS / seconds,
                    percentile(times, 50), percentile(times, 95), percentile(times, 99)));
        }
        log.info("{} requests per target, {} clients:\n{}", REQUESTS, CLIENTS, String.join("\n", table));
    }

    /** Nanoseconds of each of {@code count} GETs of {@code url} from {@link #CLIENTS} clients; every answer a 200. */
    private static List<Long> run(String url, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "vi").build();
        List<Long> times = Collections.synchronizedList(new ArrayList<>(count));
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < count / CLIENTS; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        times.add(System.nanoTime() - start);
                        assertThat(response.statusCode()).as(url).isEqualTo(200);
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
