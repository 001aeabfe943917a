package org.danvan.support.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import org.bson.Document;
import org.danvan.contracts.KafkaCloudEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events that aggregates left in their {@code outbox} array, in order, then removes each one
 * from its document. A crash between the send and the removal publishes that event again on restart with
 * the same {@code ce_id}: delivery is at-least-once and every consumer deduplicates.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private ScheduledExecutorService scheduler;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("danvan.outbox.published")
                .description("Events the outbox relay published to Kafka").register(meters);
        this.failures = Counter.builder("danvan.outbox.publish.failures")
                .description("Outbox relay rounds that failed to publish; the events stay pending").register(meters);
        for (String collection : properties.collections()) {
            Gauge.builder("danvan.outbox.backlog", () -> pendingDocuments(collection))
                    .description("Aggregate documents with events not yet published")
                    .tag("collection", collection).register(meters);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::publishPending, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** One relay round over every configured collection; returns the number of events published. */
    public int publishPending() {
        int count = 0;
        try {
            for (String collection : properties.collections()) {
                count += publishPending(mongo.getCollection(collection));
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            failures.increment();
            log.warn("outbox relay round failed, pending events stay for the next round: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count;
    }

    private int publishPending(MongoCollection<Document> collection)
            throws ExecutionException, InterruptedException, TimeoutException {
        int count = 0;
        List<Document> documents = collection.find(Filters.exists(FIELD + ".0"))
                .projection(new Document(FIELD, 1)).limit(properties.batchSize()).into(new ArrayList<>());
        for (Document document : documents) {
            for (Document pending : document.getList(FIELD, Document.class)) {
                OutboxEvent event = mongo.getConverter().read(OutboxEvent.class, pending);
                try (Scope trace = TraceParent.resume(event.traceparent())) {
                    kafka.send(KafkaCloudEvents.toRecord(event.topic(), event.toCloudEvent(properties.source())))
                            .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                collection.updateOne(Filters.eq("_id", document.get("_id")),
                        Updates.pull(FIELD, new Document("eventId", event.eventId())));
                published.increment();
                count++;
            }
        }
        return count;
    }

    private long pendingDocuments(String collection) {
        try {
            return mongo.getCollection(collection).countDocuments(Filters.exists(FIELD + ".0"));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
