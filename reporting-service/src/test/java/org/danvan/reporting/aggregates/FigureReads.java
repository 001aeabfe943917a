package org.danvan.reporting.aggregates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The benchmark's readers: latency of each read of a unit's figures, and throughput of many readers at once. */
final class FigureReads {

    private final TestRestTemplate http;

    FigureReads(TestRestTemplate http) {
        this.http = http;
    }

    /** The reads a dashboard makes for a unit in a year: a figure, a table, its CSV, completeness and a target. */
    static Map<String, String> paths(String unit, String year, String directiveId) {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("figure", "/api/v1/data-elements/MEMBERS_ENROLLED/values?unit=" + unit + "&period=" + year);
        paths.put("indicator", "/api/v1/indicators/ENROLMENT_RATE/values?unit=" + unit + "&period=" + year);
        paths.put("CSV", "/api/v1/indicators/ENROLMENT_RATE/values.csv?unit=" + unit + "&period=" + year);
        paths.put("completeness", "/api/v1/completeness?form=DV-6T&unit=" + unit + "&period=" + year);
        paths.put("attainment", "/api/v1/targets/" + directiveId + "/rate/attainment?period=" + year);
        return paths;
    }

    /** p50 and p99 of {@code calls} sequential calls of each path. */
    Map<String, String> latencies(Map<String, String> paths, int calls) {
        Map<String, String> result = new LinkedHashMap<>();
        paths.forEach((name, path) -> {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
                times.add(System.nanoTime() - start);
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new IllegalStateException(path + " answered " + response.getStatusCode());
                }
            }
            Collections.sort(times);
            result.put(name, String.format("p50 %.1f ms, p99 %.1f ms", at(times, 0.50) / 1e6, at(times, 0.99) / 1e6));
        });
        return result;
    }

    /** {@code readers} threads calling the paths in turn for {@code duration}: reads per second and failures. */
    String concurrent(int readers, Duration duration, List<String> paths) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        long start = System.nanoTime();
        for (int r = 0; r < readers; r++) {
            int offset = r;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    long t = System.nanoTime();
                    boolean success = http.getForEntity(paths.get(i % paths.size()), byte[].class).getStatusCode().is2xxSuccessful();
                    times.add(System.nanoTime() - t);
                    (success ? ok : failed).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        long took = System.nanoTime() - start;
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return String.format("%d reads in %.1f s = %.0f reads/s, %d failed, p50 %.1f ms, p99 %.1f ms", ok.get(), took / 1e9,
                ok.get() * 1e9 / took, failed.get(), at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6);
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
