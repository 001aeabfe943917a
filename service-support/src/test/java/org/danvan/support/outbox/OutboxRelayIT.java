package org.danvan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The relay against a real broker and the Mongo-wire store, without a Spring context. */
class OutboxRelayIT {

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static EventProbe probe;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoUri());
        mongo = new MongoTemplate(client, "outbox-relay-it");
        probe = new EventProbe(DirectiveContract.DIRECTIVES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
        client.close();
    }

    private static KafkaTemplate<String, byte[]> kafka(String bootstrapServers) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()));
    }

    /** A relay over a collection of the test's own: index entries of the other test do not leak in. */
    private static OutboxRelay relay(KafkaTemplate<String, byte[]> kafka, SimpleMeterRegistry meters, String collection) {
        mongo.getCollection(PendingOutboxIndex.COLLECTION).deleteMany(new Document());
        return new OutboxRelay(mongo, kafka, properties(collection), new PendingOutboxIndex(mongo, properties(collection)), meters);
    }

    /** 100 aggregates per round. */
    private static OutboxProperties properties(String collection) {
        return new OutboxProperties(List.of(collection), "/danvan/test", Duration.ofHours(1), Duration.ofHours(1), 100,
                Duration.ofSeconds(2));
    }

    private static OutboxEvent issued(String aggregateId, int version) {
        TargetSpec target = new TargetSpec("T1", "ENROLMENT_RATE", TargetSpec.Comparator.GTE, BigDecimal.TEN, null,
                TargetSpec.ThresholdUnit.PERCENT, List.of(), List.of(), new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), null);
        return OutboxEvent.of(DirectiveContract.DIRECTIVE_ISSUED, aggregateId, new DirectiveIssued(aggregateId, version,
                "1-NQ", "RESOLUTION", "t", "u", LocalDate.of(2021, 1, 1), List.of(), List.of(target), null));
    }

    private static void storeAggregateWithPending(String collection, String id, OutboxEvent... events) {
        Document document = new Document("_id", id).append("state", "whatever");
        List<Object> outbox = new ArrayList<>();
        for (OutboxEvent event : events) {
            outbox.add(mongo.getConverter().convertToMongoType(event));
        }
        mongo.getCollection(collection).insertOne(document.append("outbox", outbox));
    }

    @Test
    void publishesPendingEventsInOrderAsCloudEventsThenRemovesThemFromTheirDocument() {
        String id = UUID.randomUUID().toString();
        OutboxEvent first = issued(id, 1);
        OutboxEvent second = issued(id, 2);
        storeAggregateWithPending("published", id, first, second);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(kafka(TestInfrastructure.endpoints().kafkaBootstrapServers()), meters, "published");
        // written without Spring Data's save events, as after a crash that lost the index entry
        assertThat(relay.publishPending()).as("nothing is indexed yet").isZero();
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(relay.publishPending()).isEqualTo(2);
        assertThat(relay.publishPending()).as("a second round publishes nothing again").isZero();

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.events(id), list -> list.size() >= 2);
        List<CloudEvent> events = records.stream().map(r -> KafkaCloudEvents.read(r.headers(), r.value())).toList();
        assertThat(events).extracting(CloudEvent::id).containsExactly(first.eventId(), second.eventId());
        assertThat(events).allSatisfy(e -> assertThat(e.source()).isEqualTo("/danvan/test"));
        assertThat(new String(events.get(1).data(), StandardCharsets.UTF_8)).contains("\"version\":2");
        Document stored = mongo.getCollection("published").find(new Document("_id", id)).first();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.getString("state")).isEqualTo("whatever");
        assertThat(meters.get("danvan.outbox.published").counter().count()).isEqualTo(2);
        assertThat(meters.get("danvan.outbox.backlog").gauge().value()).isZero();
    }

    @Test
    void publishesABulkWriteInRoundsOfTheBatchSizeEachEventOnce() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(kafka(TestInfrastructure.endpoints().kafkaBootstrapServers()), meters, "bulk");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String id = UUID.randomUUID().toString();
            storeAggregateWithPending("bulk", id, issued(id, 1));
            ids.add(id);
        }
        new PendingOutboxIndex(mongo, properties("bulk")).markAll("bulk", ids);
        assertThat(meters.get("danvan.outbox.backlog").gauge().value()).as("one entry per 100 aggregates").isEqualTo(3);

        assertThat(List.of(relay.publishPending(), relay.publishPending(), relay.publishPending(), relay.publishPending()))
                .containsExactly(100, 100, 50, 0);

        assertThat(meters.get("danvan.outbox.published").counter().count()).isEqualTo(250);
        assertThat(meters.get("danvan.outbox.backlog").gauge().value()).isZero();
        assertThat(mongo.getCollection("bulk").find(new Document("_id", new Document("$in", ids))))
                .allSatisfy(stored -> assertThat(stored.getList("outbox", Document.class)).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = probe.records();
            assertThat(ids).allSatisfy(id -> assertThat(records.stream().filter(r -> id.equals(r.key()))
                    .map(r -> EventProbe.header(r, "ce_id")).distinct()).hasSize(1));
        });
    }

    @Test
    void keepsEventsPendingWhileKafkaIsUnreachable() {
        String id = UUID.randomUUID().toString();
        storeAggregateWithPending("unpublished", id, issued(id, 1));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(kafka("127.0.0.1:1"), meters, "unpublished");

        relay.sweep();
        assertThat(relay.publishPending()).isZero();

        Document stored = mongo.getCollection("unpublished").find(new Document("_id", id)).first();
        assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        assertThat(meters.get("danvan.outbox.publish.failures").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("danvan.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
    }
}
