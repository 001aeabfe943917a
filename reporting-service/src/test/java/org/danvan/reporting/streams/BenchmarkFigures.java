package org.danvan.reporting.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The figures of one benchmark run, each logged with the machine's load average beside it (the machine is shared). */
final class BenchmarkFigures {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkFigures.class);
    private final Map<String, String> figures = new LinkedHashMap<>();

    void put(String key, Object value) {
        String figure = value + "   [load " + load() + "]";
        figures.put(key, figure);
        log.info("BENCHMARK {}: {}", key, figure);
    }

    /** Heap after a GC, the process's RSS and the bytes under {@code state}. */
    void memory(String label, Path state) throws IOException {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\D+", "")).findFirst().map(kb -> Long.parseLong(kb) / 1024 + " MB").orElse("?");
        long disk;
        try (Stream<Path> files = Files.walk(state)) {
            disk = files.filter(Files::isRegularFile).mapToLong(BenchmarkFigures::size).sum();
        }
        put(label, "heap after GC " + heap / 1_048_576 + " MB, RSS " + rss + " (broker, Mongo-wire store and topology in one JVM), state on disk "
                + disk / 1_048_576 + " MB");
    }

    /** Logs every figure as one block under {@code title}. */
    void summary(String title) {
        StringBuilder block = new StringBuilder("\n==== " + title + " ====\n");
        figures.forEach((k, v) -> block.append(String.format("  %-95s %s%n", k, v)));
        log.info("BENCHMARK{}====", block);
    }

    static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    static long rate(long count, long nanos) {
        return Math.round(count * 1e9 / nanos);
    }

    private static String load() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
