package org.danvan.support.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>
 * A round works in bulk: one query for the aggregates of up to {@code batchSize} index entries, every send
 * under way before the first is awaited, one update that removes every acknowledged event and one delete
 * of the settled entries.
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
        Gauge.builder("danvan.outbox.backlog", this::pendingEntries)
                .description("Entries of the pending-events index: an aggregate with events not yet published, or a "
                        + "bulk write's batch of them").register(meters);
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
     * One relay round: publishes the pending events of the aggregates of index entries, up to about
     * {@code batchSize} aggregates; returns the number of events published.
     */
    public int publishPending() {
        try {
            List<Document> entries = new ArrayList<>();
            Map<String, Set<Object>> idsByCollection = new LinkedHashMap<>();
            int aggregates = 0;
            for (Document entry : mongo.getCollection(PendingOutboxIndex.COLLECTION).find().limit(properties.batchSize())) {
                if (aggregates >= properties.batchSize()) {
                    break;
                }
                List<Object> ids = PendingOutboxIndex.aggregateIds(entry);
                entries.add(entry);
                idsByCollection.computeIfAbsent(entry.getString("collection"), c -> new LinkedHashSet<>()).addAll(ids);
                aggregates += ids.size();
            }
            Set<String> unsettled = new LinkedHashSet<>();
            int count = 0;
            for (Map.Entry<String, Set<Object>> collection : idsByCollection.entrySet()) {
                count += publish(collection.getKey(), collection.getValue(), unsettled);
            }
            List<Object> settledEntries = entries.stream().filter(entry -> PendingOutboxIndex.aggregateIds(entry).stream()
                    .noneMatch(id -> unsettled.contains(entry.getString("collection") + "/" + id)))
                    .map(entry -> entry.get("_id")).toList();
            if (!settledEntries.isEmpty()) {
                mongo.getCollection(PendingOutboxIndex.COLLECTION).deleteMany(Filters.in("_id", settledEntries));
                idsByCollection.forEach(this::reindexNewEvents);
            }
            return count;
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("outbox relay round failed, pending events stay for the next round: {}", e.toString());
            return 0;
        }
    }

    /**
     * Sends the pending events of these aggregates, then removes those Kafka acknowledged; adds
     * {@code collection/id} of each aggregate with events still pending to {@code unsettled}.
     */
    private int publish(String name, Set<Object> aggregateIds, Set<String> unsettled) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        List<PendingAggregate> sent = new ArrayList<>();
        // an _id lookup only: stores without a query planner scan the whole collection for anything more
        for (Document document : collection.find(Filters.in("_id", List.copyOf(aggregateIds)))
                .projection(Projections.include(FIELD))) {
            sent.add(send(document));
        }
        List<Object> touched = new ArrayList<>();
        List<String> acknowledged = new ArrayList<>();
        for (PendingAggregate aggregate : sent) {
            List<String> ids = aggregate.settle();
            if (!ids.isEmpty()) {
                touched.add(aggregate.id);
                acknowledged.addAll(ids);
            }
            if (ids.size() < aggregate.events.size()) {
                unsettled.add(name + "/" + aggregate.id);
            }
        }
        if (!acknowledged.isEmpty()) {
            collection.updateMany(Filters.in("_id", touched), Updates.pull(FIELD, Filters.in("eventId", acknowledged)));
            published.increment(acknowledged.size());
        }
        return acknowledged.size();
    }

    /** Events added while a round ran keep their aggregate indexed once the round deleted its entry. */
    private void reindexNewEvents(String name, Set<Object> aggregateIds) {
        for (Document document : mongo.getCollection(name).find(Filters.in("_id", List.copyOf(aggregateIds)))
                .projection(Projections.include(FIELD))) {
            if (!document.getList(FIELD, Document.class, List.of()).isEmpty()) {
                index.mark(name, document.get("_id"));
            }
        }
    }

    private PendingAggregate send(Document document) {
        List<OutboxEvent> events = new ArrayList<>();
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document raw : document.getList(FIELD, Document.class, List.of())) {
            OutboxEvent event = mongo.getConverter().read(OutboxEvent.class, raw);
            try (Scope trace = TraceParent.resume(event.traceparent())) {
                sends.add(kafka.send(KafkaCloudEvents.toRecord(event.topic(), event.toCloudEvent(properties.source()))));
            }
            events.add(event);
        }
        return new PendingAggregate(document.get("_id"), events, sends);
    }

    /** The sends of one aggregate's events, settled in order once they are all under way. */
    private final class PendingAggregate {

        private final Object id;
        private final List<OutboxEvent> events;
        private final List<CompletableFuture<SendResult<String, byte[]>>> sends;

        PendingAggregate(Object id, List<OutboxEvent> events, List<CompletableFuture<SendResult<String, byte[]>>> sends) {
            this.id = id;
            this.events = events;
            this.sends = sends;
        }

        /** The ids of the events Kafka acknowledged, up to the first one it did not. */
        List<String> settle() {
            List<String> acknowledged = new ArrayList<>();
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
                acknowledged.add(events.get(i).eventId());
            }
            return acknowledged;
        }
    }

    private long pendingEntries() {
        try {
            return mongo.getCollection(PendingOutboxIndex.COLLECTION).countDocuments();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
