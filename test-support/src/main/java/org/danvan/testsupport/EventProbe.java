package org.danvan.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A test's own view of topics: reads every record from the beginning and publishes raw records. */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventProbe(String... topics) {
        String servers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // see topics created after subscribing (a dead-letter topic appears on first use)
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Everything read so far, after one more short poll; call it inside an Awaitility condition. */
    public List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * The events read so far with this record key, in order, each CloudEvent id once: the outbox delivers at
     * least once, so, like every consumer, a test counts an event id once.
     */
    public List<ConsumerRecord<String, byte[]>> events(String key) {
        return events(java.util.Set.of(key)).getOrDefault(key, List.of());
    }

    /** As {@link #events(String)} for each of these keys, after one poll: the keys with no event are absent. */
    public java.util.Map<String, List<ConsumerRecord<String, byte[]>>> events(java.util.Set<String> keys) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new java.util.LinkedHashMap<>();
        records().stream().filter(r -> keys.contains(r.key())).filter(r -> seen.add(header(r, "ce_id")))
                .forEach(r -> byKey.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>()).add(r));
        return byKey;
    }

    /** The event types of {@link #events(String)}. */
    public List<String> eventTypes(String key) {
        return events(key).stream().map(r -> header(r, "ce_type")).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test record", e);
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
