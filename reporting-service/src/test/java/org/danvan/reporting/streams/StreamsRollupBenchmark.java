package org.danvan.reporting.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.danvan.reporting.streams.BenchmarkFigures.rate;
import static org.danvan.reporting.streams.BenchmarkFigures.seconds;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.Topic;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.reporting.aggregates.RollupWorkload;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not part of {@code ./mvnw verify} (issue #15): the Kafka Streams design ({@link RollupTopology}) on
 * the workload of {@code NationalRollupBenchmark} ({@link RollupWorkload}, same sizes, same properties), against the
 * integration tests' embedded KRaft broker in this JVM. Measures in one run: the pipeline beside a raw
 * {@code KafkaConsumer} on the same records, interactive-query reads (in process and over HTTP, alone and 50 at
 * once), an accepted revision to the national total, a rebuild into fresh state while the first instance keeps
 * answering, heap, RSS and state on disk. Asserts the national totals equal the workload's own sums.
 * <pre>
 * ./mvnw -pl reporting-service -am verify -Dit.test=StreamsRollupBenchmark -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -DargLine="-Xmx4g -Ddanvan.benchmark.communes=340 -Ddanvan.benchmark.villages=3400 -Ddanvan.benchmark.samples=20"
 * </pre>
 */
class StreamsRollupBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StreamsRollupBenchmark.class);
    private static final String MODELS = "MODELS_BUILT";
    private static final String YEAR = "2025";
    private static final String STREAMS_SETTING = "danvan.benchmark.streams.";
    private static final Duration PATIENCE = Duration.ofMinutes(Long.getLong("danvan.benchmark.patience-minutes", 20));

    private final int samples = Integer.getInteger("danvan.benchmark.samples", 50);
    private final int threads = Integer.getInteger("danvan.benchmark.stream-threads", 2);
    private final BenchmarkFigures figures = new BenchmarkFigures();

    @Test
    void rollsUpANationalTreeWithKafkaStreams() throws Exception {
        String servers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        createTopics(servers);
        Path state = Files.createTempDirectory("rollup-streams");
        RollupWorkload workload = RollupWorkload.asked();
        try (KafkaProducer<String, byte[]> producer = RollupWorkload.producer(servers)) {
            List<ProducerRecord<String, byte[]>> units = workload.tree();
            units.forEach(producer::send);
            producer.flush();
            figures.put("units published (the global table's topic)", units.size());

            long startNanos = System.nanoTime();
            KafkaStreams streams = start(servers, state.resolve("first"));
            try {
                figures.put("start -> RUNNING (global tree bootstrapped from its topic)", seconds(System.nanoTime() - startNanos) + " s");

                List<ProducerRecord<String, byte[]>> reports = workload.reports();
                List<ProducerRecord<String, byte[]>> stream = RollupWorkload.interleave(reports, workload.membership());
                BigDecimal models = sum(reports, MODELS);
                BigDecimal members = members(stream);
                long pipelineStart = System.nanoTime();
                stream.forEach(producer::send);
                producer.flush();
                long published = System.nanoTime();
                awaitNation(streams, models, members);
                long pipeline = System.nanoTime() - pipelineStart;
                figures.put("pipeline events (accepted reports + membership)", stream.size() + " (" + reports.size() + " reports)");
                figures.put("pipeline: publish time", seconds(published - pipelineStart) + " s");
                figures.put("pipeline: publish -> national totals final and exact", seconds(pipeline) + " s = " + rate(stream.size(), pipeline)
                        + " events/s");
                long raw = rawRead(servers, stream.size());
                figures.put("pipeline: ratio topology / raw consumer", String.format("%.3f", (double) rate(stream.size(), pipeline) / raw));
                figures.put("national " + MODELS + " / members " + YEAR, models + " / " + members + " (the workload's own sums)");
                figures.memory("memory after the pipeline", state);

                try (TotalsReads reads = new TotalsReads(() -> store(streams))) {
                    for (String unit : List.of(RollupWorkload.CENTRAL, "P0")) {
                        String level = unit.equals("P0") ? "province" : "nation";
                        figures.put("read " + level + " in process (ReadOnlyKeyValueStore.get, 1,000 calls)",
                                TotalsReads.lookups(store(streams), RollupTopology.key(unit, YEAR), 1000));
                        figures.put("read " + level + " over HTTP (JSON, 100 calls)", reads.latencies(unit, YEAR, 100));
                    }
                    figures.put("reads: 50 concurrent HTTP readers for 20 s (nation and province in turn)",
                            reads.concurrent(50, 20, List.of(new String[] {RollupWorkload.CENTRAL, YEAR}, new String[] {"P0", YEAR})));
                }

                List<Long> delays = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    String commune = workload.communeIds().get((i * 7919) % workload.communeIds().size());
                    BigDecimal before = nation(streams, MODELS);
                    long sent = System.nanoTime();
                    producer.send(RollupWorkload.report(commune, "2025H2", 2 + i, RollupWorkload.models(commune, 2) + 1000 + i)).get();
                    await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                            .until(() -> nation(streams, MODELS).compareTo(before) != 0);
                    delays.add(System.nanoTime() - sent);
                }
                figures.put("accepted revision -> national " + MODELS + " (" + samples + " samples)", TotalsReads.percentiles(delays));

                BigDecimal revisedModels = nation(streams, MODELS);
                long rebuildStart = System.nanoTime();
                try (KafkaStreams rebuilt = start(servers, state.resolve("rebuild"))) {
                    awaitNation(rebuilt, revisedModels, members);
                    long took = System.nanoTime() - rebuildStart;
                    long records = units.size() + stream.size() + samples;
                    figures.put("rebuild: fresh application id and state, all " + records + " records (the first instance answering meanwhile)",
                            seconds(took) + " s = " + rate(records, took) + " records/s; same national totals");
                    assertThat(store(rebuilt).get(RollupTopology.key("P0", YEAR))).isEqualTo(store(streams).get(RollupTopology.key("P0", YEAR)));
                    figures.memory("memory at the end (two instances)", state);
                }
            } finally {
                streams.close();
            }
        }
        figures.summary("StreamsRollupBenchmark (broker and " + threads + "-thread topology in this JVM, settings " + settings() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap " + Runtime.getRuntime().maxMemory() / 1_048_576 + " MB; "
                + workload.size() + ")");
    }

    private KafkaStreams start(String servers, Path stateDir) {
        var config = RollupTopology.config("rollup-bench-" + UUID.randomUUID(), servers, stateDir.toString());
        config.put("num.stream.threads", threads);
        config.put("consumer." + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // -Ddanvan.benchmark.streams.commit.interval.ms=1000 and the like: a Streams setting tried without an edit
        config.putAll(settings());
        KafkaStreams streams = new KafkaStreams(RollupTopology.build(Set.of(MODELS)), config);
        streams.start();
        await("RUNNING").atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    /** The Streams settings given as {@code -Ddanvan.benchmark.streams.<setting>=<value>}. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(STREAMS_SETTING))
                .forEach(name -> settings.put(name.substring(STREAMS_SETTING.length()), System.getProperty(name)));
        return settings;
    }

    private static ReadOnlyKeyValueStore<String, Totals> store(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(RollupTopology.TOTALS, QueryableStoreTypes.keyValueStore()));
    }

    private static BigDecimal nation(KafkaStreams streams, String element) {
        try {
            Totals totals = store(streams).get(RollupTopology.key(RollupWorkload.CENTRAL, YEAR));
            return totals == null ? BigDecimal.ZERO : totals.of(element);
        } catch (InvalidStateStoreException rebalancing) {
            return BigDecimal.ZERO;
        }
    }

    /** Waits for the national totals, logging the members counted every 5 s (where the pipeline's time goes). */
    private static void awaitNation(KafkaStreams streams, BigDecimal models, BigDecimal members) {
        long start = System.nanoTime();
        long[] lastLog = {start};
        await("the national totals").atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (System.nanoTime() - lastLog[0] > 5_000_000_000L) {
                lastLog[0] = System.nanoTime();
                log.info("BENCHMARK progress after {} s: national members {} of {}", seconds(lastLog[0] - start),
                        nation(streams, FanOut.MEMBERS), members);
            }
            return nation(streams, MODELS).compareTo(models) == 0 && nation(streams, FanOut.MEMBERS).compareTo(members) == 0;
        });
    }

    /** The workload's own sum of one element over its reports. */
    private static BigDecimal sum(List<ProducerRecord<String, byte[]>> reports, String element) {
        return reports.stream().map(r -> EventJson.read(r.value(), ReportAccepted.class))
                .map(r -> new BigDecimal(r.values().get(element).value().toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Members at the end of 2025 as the topology counts them: snapshots, plus enrolments, minus departures (all in 2025). */
    private static BigDecimal members(List<ProducerRecord<String, byte[]>> stream) {
        long total = 0;
        for (ProducerRecord<String, byte[]> record : stream) {
            String type = new String(record.headers().lastHeader(KafkaCloudEvents.TYPE).value(), StandardCharsets.UTF_8);
            total += switch (type) {
                case ReportingContract.MEMBERSHIP_SNAPSHOT -> EventJson.read(record.value(), MembershipSnapshot.class).members();
                case ReportingContract.MEMBERSHIP_ENROLLED -> 1;
                case ReportingContract.MEMBERSHIP_LEFT -> -1;
                default -> 0;
            };
        }
        return BigDecimal.valueOf(total);
    }

    /** The ceiling: a plain consumer in a fresh group reading the reports and membership topics until it has them all. */
    private long rawRead(String servers, long count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(ReportingContract.REPORTS.name(), ReportingContract.MEMBERSHIP.name()));
            long start = System.nanoTime();
            long read = 0;
            while (read < count && System.nanoTime() - start < PATIENCE.toNanos()) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            long took = System.nanoTime() - start;
            figures.put("pipeline: raw KafkaConsumer read of the same records (ceiling)", read + " records in " + seconds(took) + " s = "
                    + rate(read, took) + " rec/s (incl. group join)");
            return rate(read, took);
        }
    }

    /** The topics with the partitions their contract declares (auto-creation would give the broker's default). */
    private static void createTopics(String servers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic topic : List.of(DirectiveContract.UNITS, ReportingContract.REPORTS, ReportingContract.MEMBERSHIP)) {
                NewTopic created = new NewTopic(topic.name(), topic.partitions(), (short) 1);
                topics.add(topic.compacted() ? created.configs(Map.of("cleanup.policy", "compact")) : created);
            }
            admin.createTopics(topics).all().get();
        }
    }
}
