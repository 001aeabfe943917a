package org.danvan.reporting.streams;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.danvan.contracts.EventJson;

/**
 * The totals served the way a service would serve them: an HTTP endpoint ({@code GET /totals/{unit}/{period}},
 * JSON) answering from the instance's interactive-query store, and the benchmark's read measurements against it.
 */
final class TotalsReads implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(50);
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().executor(clients).build();

    TotalsReads(Supplier<ReadOnlyKeyValueStore<String, Totals>> store) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/totals/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            Totals totals = store.get().get(RollupTopology.key(path[2], path[3]));
            byte[] body = EventJson.write(totals == null ? Totals.empty() : totals);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code calls} sequential reads of one (unit, period) over HTTP: p50, p99 and max. */
    String latencies(String unit, String period, int calls) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            read(unit, period);
            nanos.add(System.nanoTime() - start);
        }
        return percentiles(nanos);
    }

    /** {@code readers} threads reading the given (unit, period) pairs in turn over HTTP for {@code seconds}. */
    String concurrent(int readers, int seconds, List<String[]> keys) throws Exception {
        AtomicLong reads = new AtomicLong();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        for (int r = 0; r < readers; r++) {
            int offset = r;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    String[] key = keys.get(i % keys.size());
                    long start = System.nanoTime();
                    read(key[0], key[1]);
                    nanos.add(System.nanoTime() - start);
                    reads.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return reads.get() / seconds + " reads/s (" + reads.get() + " in " + seconds + " s; per read " + percentiles(nanos) + ")";
    }

    /** The in-process lookup alone, without HTTP: p50, p99 and max of {@code calls} reads. */
    static String lookups(ReadOnlyKeyValueStore<String, Totals> store, String key, int calls) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            store.get(key);
            nanos.add(System.nanoTime() - start);
        }
        return percentiles(nanos);
    }

    private void read(String unit, String period) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/totals/" + unit + "/" + period)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET totals answered " + response.statusCode());
        }
    }

    static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", ms(at(sorted, 0.50)), ms(at(sorted, 0.99)), ms(sorted.getLast()));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        client.close();
        clients.shutdownNow();
    }
}
