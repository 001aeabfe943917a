package org.danvan.support.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.outbox.OutboxProperties;
import org.danvan.support.outbox.OutboxRelay;
import org.danvan.support.outbox.PendingOutboxIndex;
import org.danvan.support.problem.ConflictException;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Many threads step one aggregate while the relay publishes: each step is one atomic versioned write, so
 * every event reaches the topic exactly once in normal operation, versions have no gap, and the relay's
 * counter equals what was published.
 */
class AggregateWritesIT {

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static EventProbe probe;

    @org.springframework.data.mongodb.core.mapping.Document("hammered")
    static class Counter extends AggregateRoot {
        @Id
        String id;
        @Version
        Long version;
        int steps;

        Counter(String id) {
            this.id = id;
        }

        void step() {
            steps++;
            record(issued(id, steps));
        }
    }

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoUri());
        mongo = new MongoTemplate(client, "aggregate-writes-it");
        probe = new EventProbe(DirectiveContract.DIRECTIVES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
        client.close();
    }

    private static OutboxEvent issued(String aggregateId, int version) {
        TargetSpec target = new TargetSpec("T1", "ENROLMENT_RATE", TargetSpec.Comparator.GTE, BigDecimal.TEN, null,
                TargetSpec.ThresholdUnit.PERCENT, List.of(), List.of(), new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), null);
        return OutboxEvent.of(DirectiveContract.DIRECTIVE_ISSUED, aggregateId, new DirectiveIssued(aggregateId, version,
                "1-NQ", "RESOLUTION", "t", "u", LocalDate.of(2021, 1, 1), List.of(), List.of(target), null));
    }

    @Test
    void concurrentStepsWhileTheRelayRunsPublishEveryEventExactlyOnce() throws Exception {
        mongo.getCollection("outbox_pending").deleteMany(new Document());
        // the services' settings: the relay waits longer than the producer's delivery timeout
        OutboxProperties properties = new OutboxProperties(List.of("hammered"), "/danvan/test",
                Duration.ofHours(1), Duration.ofHours(1), 100, Duration.ofSeconds(15));
        PendingOutboxIndex index = new PendingOutboxIndex(mongo, properties);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000), new StringSerializer(), new ByteArraySerializer()));
        kafka.partitionsFor(DirectiveContract.DIRECTIVES.name());
        OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, index, meters);
        AggregateWrites writes = new AggregateWrites(mongo, index);
        String id = UUID.randomUUID().toString();
        writes.insert(new Counter(id));

        int threads = 6;
        int stepsPerThread = 25;
        AtomicInteger conflicts = new AtomicInteger();
        AtomicBoolean stepping = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        Future<?> relaying = pool.submit(() -> {
            while (stepping.get()) {
                relay.publishPending();
            }
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int done = 0; done < stepsPerThread; ) {
                    Counter counter = mongo.findById(id, Counter.class);
                    counter.step();
                    try {
                        writes.update(counter);
                        done++;
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        stepping.set(false);
        relaying.get();
        pool.shutdown();
        while (relay.publishPending() > 0) {
            // drain what the last steps left
        }

        int total = threads * stepsPerThread;
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60)).until(
                () -> probe.records().stream().filter(r -> id.equals(r.key())).toList(), list -> list.size() >= total);
        List<String> ids = records.stream().map(r -> EventProbe.header(r, "ce_id")).toList();
        assertThat(ids).as("every event id exactly once").doesNotHaveDuplicates().hasSize(total);
        List<Integer> versions = records.stream().map(r -> {
            Matcher m = VERSION.matcher(new String(r.value(), StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            return Integer.parseInt(m.group(1));
        }).toList();
        assertThat(versions).as("gap-free, in order").isEqualTo(java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(meters.get("danvan.outbox.published").counter().count()).isEqualTo(total);
        Document stored = mongo.getCollection("hammered").find(new Document("_id", id)).first();
        assertThat(stored.getInteger("steps")).isEqualTo(total);
        assertThat(stored.getLong("version")).isEqualTo(total);
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(conflicts.get()).as("the threads really raced").isPositive();
    }

    @Test
    void aStaleWriteIsAConflictCarryingTheCurrentVersionAndWritesNothing() {
        AggregateWrites writes = new AggregateWrites(mongo, null);
        String id = UUID.randomUUID().toString();
        writes.insert(new Counter(id));
        Counter first = mongo.findById(id, Counter.class);
        Counter stale = mongo.findById(id, Counter.class);
        first.step();
        writes.update(first);
        assertThat(first.version).isEqualTo(1L);
        assertThat(first.recordedEvents()).isEmpty();

        stale.step();
        assertThatThrownBy(() -> writes.update(stale)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.getHeaders().getETag()).isEqualTo("\"1\""));
        Document stored = mongo.getCollection("hammered").find(new Document("_id", id)).first();
        assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        assertThat(stored.getInteger("steps")).isEqualTo(1);
    }

    @Test
    void aBulkInsertStoresTheNewAggregatesWithTheirEventsAndLeavesOneAlreadyStoredAsItWas() {
        AggregateWrites writes = new AggregateWrites(mongo, null);
        String taken = UUID.randomUUID().toString();
        Counter first = new Counter(taken);
        first.step();
        writes.insert(first);
        String storedEvent = mongo.getCollection("hammered").find(new Document("_id", taken)).first()
                .getList("outbox", Document.class).get(0).getString("eventId");

        List<Counter> batch = new ArrayList<>();
        for (String id : List.of(UUID.randomUUID().toString(), taken, UUID.randomUUID().toString())) {
            Counter counter = new Counter(id);
            counter.step();
            batch.add(counter);
        }
        List<Counter> inserted = writes.insertNew(batch);

        assertThat(inserted).extracting(c -> c.id).containsExactly(batch.get(0).id, batch.get(2).id);
        assertThat(inserted).allSatisfy(c -> assertThat(c.recordedEvents()).isEmpty());
        for (Counter counter : inserted) {
            Document stored = mongo.getCollection("hammered").find(new Document("_id", counter.id)).first();
            assertThat(stored.getLong("version")).isZero();
            assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        }
        Document kept = mongo.getCollection("hammered").find(new Document("_id", taken)).first();
        assertThat(kept.getList("outbox", Document.class)).extracting(e -> e.getString("eventId"))
                .containsExactly(storedEvent);
        assertThat(writes.insertNew(batch)).as("a re-run stores nothing").isEmpty();
    }
}
