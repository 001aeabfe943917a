package org.danvan.support.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events that aggregates left in their {@code outbox} array, each aggregate's in order, then
 * removes them from the document. It works from the {@link PendingOutboxIndex} and sweeps the aggregate
 * collections now and then for entries the index lost. A crash between the send and the removal publishes
 * those events again with the same {@code ce_id}: delivery is at-least-once and every consumer deduplicates.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final PendingOutboxIndex index;
    private final Counter published;
    private final Counter failures;
    private ScheduledExecutorService scheduler;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            PendingOutboxIndex index, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.index = index;
        this.published = Counter.builder("danvan.outbox.published")
                .description("Events the outbox relay published to Kafka").register(meters);
        this.failures = Counter.builder("danvan.outbox.publish.failures")
                .description("Outbox relay rounds that failed to publish; the events stay pending").register(meters);
        Gauge.builder("danvan.outbox.backlog", this::pendingAggregates)
                .description("Aggregates with events not yet published").register(meters);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
        scheduler.execute(this::sweep);
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::publishPending, interval, interval, TimeUnit.MILLISECONDS);
        long sweep = properties.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
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

    /** Indexes every aggregate that has pending events; returns how many it found. */
    public int sweep() {
        int found = 0;
        try {
            for (String collection : properties.collections()) {
                for (Document document : mongo.getCollection(collection).find(Filters.exists(FIELD + ".0"))
                        .projection(Projections.include("_id"))) {
                    index.mark(collection, document.get("_id"));
                    found++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, it runs again later: {}", e.toString());
        }
        return found;
    }

    /**
     * One relay round: publishes the pending events of up to {@code batchSize} aggregates; returns the
     * number of events published.
     */
    public int publishPending() {
        try {
            List<Document> entries = mongo.getCollection(PendingOutboxIndex.COLLECTION).find()
                    .limit(properties.batchSize()).into(new ArrayList<>());
            List<PendingAggregate> aggregates = new ArrayList<>();
            for (Document entry : entries) {
                aggregates.add(send(entry));
            }
            int count = 0;
            for (PendingAggregate aggregate : aggregates) {
                count += aggregate.settle();
            }
            return count;
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("outbox relay round failed, pending events stay for the next round: {}", e.toString());
            return 0;
        }
    }

    private PendingAggregate send(Document entry) {
        MongoCollection<Document> collection = mongo.getCollection(entry.getString("collection"));
        Object aggregateId = entry.get("aggregateId");
        Document document = collection.find(Filters.eq("_id", aggregateId)).projection(Projections.include(FIELD)).first();
        List<Document> pending = document == null ? List.of() : document.getList(FIELD, Document.class, List.of());
        List<OutboxEvent> events = new ArrayList<>();
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document raw : pending) {
            OutboxEvent event = mongo.getConverter().read(OutboxEvent.class, raw);
            try (Scope trace = TraceParent.resume(event.traceparent())) {
                sends.add(kafka.send(KafkaCloudEvents.toRecord(event.topic(), event.toCloudEvent(properties.source()))));
            }
            events.add(event);
        }
        return new PendingAggregate(entry, collection, aggregateId, events, sends);
    }

    /** The sends of one aggregate's events, settled in order once they are all under way. */
    private final class PendingAggregate {

        private final Document entry;
        private final MongoCollection<Document> collection;
        private final Object aggregateId;
        private final List<OutboxEvent> events;
        private final List<CompletableFuture<SendResult<String, byte[]>>> sends;

        PendingAggregate(Document entry, MongoCollection<Document> collection, Object aggregateId,
                List<OutboxEvent> events, List<CompletableFuture<SendResult<String, byte[]>>> sends) {
            this.entry = entry;
            this.collection = collection;
            this.aggregateId = aggregateId;
            this.events = events;
            this.sends = sends;
        }

        /** Removes the events Kafka acknowledged, up to the first one it did not; returns how many. */
        int settle() {
            int acknowledged = 0;
            for (int i = 0; i < events.size(); i++) {
                try {
                    sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    failures.increment();
                    log.warn("publishing {} {} failed, it stays pending: {}", events.get(i).type(), events.get(i).eventId(), e.toString());
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                acknowledged++;
            }
            if (acknowledged > 0) {
                List<String> ids = events.subList(0, acknowledged).stream().map(OutboxEvent::eventId).toList();
                collection.updateOne(Filters.eq("_id", aggregateId), Updates.pull(FIELD, Filters.in("eventId", ids)));
                published.increment(acknowledged);
            }
            if (acknowledged == events.size()) {
                mongo.getCollection(PendingOutboxIndex.COLLECTION).deleteOne(Filters.eq("_id", entry.get("_id")));
                // events added while this round ran keep their aggregate indexed (a plain _id lookup: stores
                // without a query planner scan the whole collection for anything more)
                Document after = collection.find(Filters.eq("_id", aggregateId)).projection(Projections.include(FIELD)).first();
                if (after != null && !after.getList(FIELD, Document.class, List.of()).isEmpty()) {
                    index.mark(entry.getString("collection"), aggregateId);
                }
            }
            return acknowledged;
        }
    }

    private long pendingAggregates() {
        try {
            return mongo.getCollection(PendingOutboxIndex.COLLECTION).countDocuments();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
