package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestInfrastructure;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

/**
 * Benchmark, not part of {@code ./mvnw verify} (issue #5): a national tree (1 central, 34 provinces, 3,300
 * communes, 100,000 villages, each area with its people's committee and five organisations: 620,010 units)
 * published on the unit topic, a year of semiannual DV-6T reports from every commune's people's committee and
 * a membership stream through the whole pipeline, the delay from an accepted revision to the national figure,
 * and a rebuild (an instance of the next generation of the figures replaying the topics into its own collections
 * while the first keeps answering). Logs one summary block; asserts only that every
 * event was stored. The broker and the store run in the test JVM, which needs a large heap:
 * <pre>
 * ./mvnw -pl reporting-service -am verify -Dit.test=NationalRollupBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=none -DargLine=-Xmx16g
 * </pre>
 * Sizes: {@code -Ddanvan.benchmark.communes=3300 -Ddanvan.benchmark.villages=100000 -Ddanvan.benchmark.samples=50}
 * (pass them inside {@code -DargLine}, e.g. {@code -DargLine="-Xmx16g -Ddanvan.benchmark.villages=10000"}).
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"rawtypes", "unchecked"})
class NationalRollupBenchmark {

    private static final Logger log = LoggerFactory.getLogger(NationalRollupBenchmark.class);
    private static final String CENTRAL = RollupWorkload.CENTRAL;
    private static final String FLOW_INDICATOR = "EXEMPLARY_MODELS_BUILT";
    private static final String RATE_INDICATOR = "ENROLMENT_RATE";
    private static final String YEAR = "2025";
    private static final String NATIONAL = "/api/v1/indicators/";
    private static final String NATIONAL_PERIOD = "/values?unit=" + CENTRAL + "&period=" + YEAR;
    private static final Duration PATIENCE = Duration.ofMinutes(Long.getLong("danvan.benchmark.patience-minutes", 20));

    private final int samples = Integer.getInteger("danvan.benchmark.samples", 50);

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;

    private final Map<String, String> summary = new LinkedHashMap<>();
    private final RollupWorkload workload = RollupWorkload.asked();

    @BeforeEach
    void signIn() {
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("bench", null, "operator"));
    }

    @Test
    void rollsUpANationalTree() throws Exception {
        String servers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        try (KafkaProducer<String, byte[]> producer = RollupWorkload.producer(servers)) {
            // 1. the tree
            List<ProducerRecord<String, byte[]>> units = workload.tree();
            long unitsStart = System.nanoTime();
            units.forEach(producer::send);
            producer.flush();
            long unitsPublished = System.nanoTime();
            waitFor("units", units.size(), () -> consumed(Set.of(DirectiveContract.UNIT_REGISTERED)));
            long unitsStored = System.nanoTime();
            assertThat(mongo.count(new Query(), UnitTreeDocument.class)).isEqualTo(units.size());
            put("units (1 + 34 provinces + communes + villages, x6 kinds)", units.size());
            put("units: publish time", seconds(unitsPublished - unitsStart) + " s (" + rate(units.size(), unitsPublished - unitsStart) + "/s)");
            put("units: publish -> all stored", seconds(unitsStored - unitsStart) + " s = " + rate(units.size(), unitsStored - unitsStart)
                    + " units/s");
            put("units: raw KafkaConsumer read of the same topic", rawRead(servers, List.of(DirectiveContract.UNITS.name()), units.size()));
            memory("memory after the tree");

            // 2. a year of reports and a membership stream through the pipeline
            List<ProducerRecord<String, byte[]>> reports = workload.reports();
            List<ProducerRecord<String, byte[]>> membership = workload.membership();
            List<ProducerRecord<String, byte[]>> stream = RollupWorkload.interleave(reports, membership);
            Set<String> streamTypes = Set.of(ReportingContract.REPORT_ACCEPTED, ReportingContract.MEMBERSHIP_ENROLLED,
                    ReportingContract.MEMBERSHIP_LEFT, ReportingContract.MEMBERSHIP_SNAPSHOT);
            long before = consumed(streamTypes);
            long streamStart = System.nanoTime();
            stream.forEach(producer::send);
            producer.flush();
            long streamPublished = System.nanoTime();
            waitFor("reports and membership", stream.size(), () -> consumed(streamTypes) - before);
            long streamStored = System.nanoTime();
            put("pipeline events (accepted reports + membership)", stream.size() + " (" + reports.size() + " reports, "
                    + membership.size() + " membership)");
            put("pipeline: publish time", seconds(streamPublished - streamStart) + " s");
            put("pipeline: publish -> all stored", seconds(streamStored - streamStart) + " s = "
                    + rate(stream.size(), streamStored - streamStart) + " events/s");
            String raw = rawRead(servers, List.of(ReportingContract.REPORTS.name(), ReportingContract.MEMBERSHIP.name()), stream.size());
            put("pipeline: raw KafkaConsumer read of the same records (ceiling)", raw);
            put("pipeline: ratio service / raw consumer", String.format("%.4f", (double) rate(stream.size(), streamStored - streamStart)
                    / lastRawRate));
            put("pipeline: batches recomputed because another writer changed a cell first", refused());
            memory("memory after reports and membership");

            // the reads, each sequential, then 50 readers at once
            Map<String, Object> rate = national(RATE_INDICATOR);
            assertThat(rate).containsKey("value");
            put("national " + RATE_INDICATOR + " " + YEAR, "value=" + rate.get("value") + " numerator=" + rate.get("numerator")
                    + " denominator=" + rate.get("denominator") + " reported=" + rate.get("reportedUnits") + "/" + rate.get("expectedUnits"));
            FigureReads reads = new FigureReads(http);
            List<String> all = new ArrayList<>();
            for (String unit : List.of(CENTRAL, "P0")) {
                String directive = target(producer, unit);
                Map<String, String> paths = FigureReads.paths(unit, YEAR, directive);
                all.addAll(paths.values());
                reads.latencies(paths, 100).forEach((read, figures) -> put("read " + (unit.equals(CENTRAL) ? "nation" : "province")
                        + " " + read + " (100 calls)", figures));
            }
            put("reads: 50 concurrent readers for 20 s (nation and province, all five reads in turn)",
                    reads.concurrent(50, Duration.ofSeconds(20), all));

            // 3. accepted revision -> national figure
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String commune = workload.communeIds().get((i * 7919) % workload.communeIds().size());
                BigDecimal previous = number(national(FLOW_INDICATOR).get("numerator"));
                int bump = 1000 + i;
                long published = System.nanoTime();
                producer.send(RollupWorkload.report(commune, "2025H2", 2 + i, RollupWorkload.models(commune, 2) + bump)).get();
                await("the national figure reflecting revision " + (2 + i) + " of " + commune).atMost(PATIENCE)
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                        .until(() -> number(national(FLOW_INDICATOR).get("numerator")),
                                now -> now == null || now.compareTo(previous) != 0);
                delays.add(System.nanoTime() - published);
            }
            put("accepted revision -> national " + FLOW_INDICATOR + " (" + samples + " samples)", percentiles(delays));

            // 4. rebuild: an instance of the next generation replays the topics into its own collections while this one answers
            Map<String, Object> expected = national(RATE_INDICATOR);
            Map<String, Object> expectedFlow = national(FLOW_INDICATOR);
            long records = records(servers);
            long rebuildStart = System.nanoTime();
            try (NextGeneration next = new NextGeneration(2, Duration.ofMillis(500), TestTokens.issue("bench", null, "operator"))) {
                long started = System.nanoTime();
                // the first generation's national figure, read ten times a second until the next one has caught up
                List<Long> meanwhile = new ArrayList<>();
                await("generation 2 caught up").atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                    long read = System.nanoTime();
                    assertThat(national(RATE_INDICATOR).get("numerator")).isEqualTo(expected.get("numerator"));
                    meanwhile.add(System.nanoTime() - read);
                    return next.caughtUp();
                });
                long rebuilt = System.nanoTime();
                RestTemplate nextHttp = next.http;
                Map<String, Object> rebuiltRate = nextHttp.getForObject(NATIONAL + RATE_INDICATOR + NATIONAL_PERIOD, Map.class);
                long answered = System.nanoTime();
                assertThat(rebuiltRate.get("numerator")).isEqualTo(expected.get("numerator"));
                assertThat(rebuiltRate.get("denominator")).isEqualTo(expected.get("denominator"));
                assertThat(nextHttp.getForObject(NATIONAL + FLOW_INDICATOR + NATIONAL_PERIOD, Map.class).get("numerator"))
                        .isEqualTo(expectedFlow.get("numerator"));
                put("rebuild: records on the figure topics (units, reports, membership, cases)", records);
                put("rebuild: generation 2 started (context up)", seconds(started - rebuildStart) + " s");
                put("rebuild: started -> caught up (same national figures)", seconds(rebuilt - started) + " s = " + rate(records, rebuilt - started)
                        + " records/s");
                put("rebuild: generation 1's national figure read meanwhile (" + meanwhile.size() + " reads)", percentiles(meanwhile));
                put("rebuild: first national query of generation 2 (cold tree)", millis(answered - rebuilt) + " ms");
            }
            put("batches recomputed because another writer changed a cell first (whole run)", refused());
            memory("memory at the end");
        }
        StringBuilder block = new StringBuilder("\n==== NationalRollupBenchmark (broker and store in this JVM, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap " + Runtime.getRuntime().maxMemory() / 1_048_576
                + " MB) ====\n");
        summary.forEach((k, v) -> block.append(String.format("  %-75s %s%n", k, v)));
        log.info("BENCHMARK{}====", block);
    }

    /**
     * A directive issued by {@code unit} with one target, "every commune's people's committee enrols at least half
     * of its residents" (ENROLMENT_RATE ≥ 50 %), once reporting-service can judge it.
     */
    private String target(KafkaProducer<String, byte[]> producer, String unit) throws Exception {
        String directiveId = "bench-" + unit + "-" + UUID.randomUUID().toString().substring(0, 8);
        TargetSpec target = new TargetSpec("rate", RATE_INDICATOR, TargetSpec.Comparator.GTE, BigDecimal.valueOf(50), null,
                TargetSpec.ThresholdUnit.PERCENT, List.of("COMMUNE"), List.of("PEOPLES_COMMITTEE"),
                new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), "Tập hợp ≥ 50 %");
        producer.send(RollupWorkload.event(DirectiveContract.DIRECTIVES.name(), DirectiveContract.DIRECTIVE_ISSUED, directiveId,
                new DirectiveIssued(directiveId, 1, "BENCH/" + unit, "RESOLUTION", "Benchmark", unit, LocalDate.of(2025, 1, 1),
                        List.of(unit), List.of(target), null))).get();
        await("the benchmark target of " + unit).atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> http.getForEntity(
                "/api/v1/targets/" + directiveId + "/rate/attainment?period=" + YEAR, Map.class).getStatusCode().is2xxSuccessful());
        return directiveId;
    }


    private static KafkaConsumer<String, byte[]> consumer(String servers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A plain consumer in a fresh group reading the topics from the beginning until it has {@code count} records. */
    private static long lastRawRate;

    private static String rawRead(String servers, List<String> topics, long count) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(servers)) {
            consumer.subscribe(topics);
            long start = System.nanoTime();
            long read = 0;
            while (read < count && System.nanoTime() - start < PATIENCE.toNanos()) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            long took = System.nanoTime() - start;
            lastRawRate = rate(read, took);
            return read + " records in " + seconds(took) + " s = " + rate(read, took) + " rec/s (incl. group join)";
        }
    }

    /** Records on the topics the figures are built from: what a new generation replays. */
    private static long records(String servers) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(servers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(DirectiveContract.UNITS.name(), ReportingContract.REPORTS.name(), ReportingContract.MEMBERSHIP.name(),
                    FeedbackContract.CASES.name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream().mapToLong(e -> e.getValue() - first.get(e.getKey())).sum();
        }
    }

    private long refused() {
        Counter refused = meters.find("danvan.figures.writes.refused").counter();
        return refused == null ? 0 : (long) refused.count();
    }

    private long consumed(Set<String> types) {
        return (long) meters.find("danvan.events.consumed").counters().stream()
                .filter(c -> types.contains(c.getId().getTag("type")))
                .mapToDouble(Counter::count).sum();
    }

    private static void waitFor(String what, long count, LongSupplier progress) {
        long start = System.nanoTime();
        long[] lastLog = {start};
        await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            long now = System.nanoTime();
            if (now - lastLog[0] > 30_000_000_000L) {
                lastLog[0] = now;
                log.info("BENCHMARK {}: {} of {} stored after {} s", what, progress.getAsLong(), count, seconds(now - start));
            }
            return progress.getAsLong() >= count;
        });
    }

    private Map<String, Object> national(String indicator) {
        ResponseEntity<Map> response = http.getForEntity(NATIONAL + indicator + NATIONAL_PERIOD, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void memory(String label) throws Exception {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\D+", "")).findFirst().map(kb -> Long.parseLong(kb) / 1024 + " MB").orElse("?");
        put(label, "heap after GC " + heap / 1_048_576 + " MB, RSS " + rss + " (broker, store and service together)");
    }

    private void put(String key, Object value) {
        summary.put(key, String.valueOf(value));
        log.info("BENCHMARK {}: {}", key, value);
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %d ms, p99 %d ms, min %d ms, max %d ms", millis(at(sorted, 0.50)), millis(at(sorted, 0.99)),
                millis(sorted.getFirst()), millis(sorted.getLast()));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    private static long rate(long count, long nanos) {
        return Math.round(count * 1e9 / nanos);
    }
}
