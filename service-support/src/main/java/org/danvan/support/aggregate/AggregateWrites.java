package org.danvan.support.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.outbox.PendingOutboxIndex;
import org.danvan.support.persistence.DuplicateKeys;
import org.danvan.support.problem.ConflictException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Writes an aggregate step as one atomic, versioned write: filtered on id and the version the step read,
 * it {@code $set}s the state, {@code $inc}s the version and {@code $push}es the events the step recorded
 * onto the document's outbox. Events already waiting there are never rewritten, so the relay's removal of
 * a published event cannot be undone by a step that read it a moment earlier. A version that moved in the
 * meantime is a {@link ConflictException} (409 with the current ETag); nothing is written then.
 */
public class AggregateWrites {

    static final String OUTBOX = "outbox";

    private final MongoTemplate mongo;
    private final PendingOutboxIndex index;

    public AggregateWrites(MongoTemplate mongo, PendingOutboxIndex index) {
        this.mongo = mongo;
        this.index = index;
    }

    /** Inserts a new aggregate at version 0 with the events it recorded; a duplicate key propagates. */
    public <T extends AggregateRoot> T insert(T aggregate) {
        MongoPersistentEntity<?> entity = entity(aggregate);
        Document document = newDocument(aggregate, entity);
        List<OutboxEvent> events = aggregate.recordedEvents();
        mongo.getCollection(entity.getCollection()).insertOne(document);
        afterWrite(aggregate, entity, document.get("_id"), events);
        return aggregate;
    }

    /**
     * {@link #insert} for many new aggregates of one type in one unordered bulk write, each document with its
     * own events. One whose id is already stored is left out (already written: its events are the stored
     * ones, so a re-run publishes nothing twice); returns those inserted. Their pending events are noted in
     * one index entry per relay batch.
     */
    public <T extends AggregateRoot> List<T> insertNew(List<T> aggregates) {
        if (aggregates.isEmpty()) {
            return List.of();
        }
        MongoPersistentEntity<?> entity = entity(aggregates.get(0));
        List<Document> documents = aggregates.stream().map(aggregate -> newDocument(aggregate, entity)).toList();
        Set<Integer> refused = DuplicateKeys.refusedInBulk(() -> mongo.getCollection(entity.getCollection())
                .insertMany(documents, new InsertManyOptions().ordered(false)));
        List<T> inserted = new ArrayList<>();
        List<Object> pending = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            T aggregate = aggregates.get(i);
            if (refused.contains(i)) {
                continue;
            }
            inserted.add(aggregate);
            if (!aggregate.recordedEvents().isEmpty()) {
                pending.add(documents.get(i).get("_id"));
            }
            aggregate.clearRecordedEvents();
        }
        if (!pending.isEmpty() && index != null) {
            index.markAll(entity.getCollection(), pending);
        }
        return inserted;
    }

    /** The aggregate at version 0 as a document, with the events it recorded as its outbox. */
    private <T extends AggregateRoot> Document newDocument(T aggregate, MongoPersistentEntity<?> entity) {
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        accessor.setProperty(entity.getRequiredVersionProperty(), 0L);
        Document document = toDocument(aggregate);
        document.put(OUTBOX, aggregate.recordedEvents().stream().map(mongo.getConverter()::convertToMongoType).toList());
        return document;
    }

    /**
     * Writes the state the aggregate's step left and the events it recorded, if the stored version is still
     * the one it was read at; the aggregate then carries the new version.
     */
    public <T extends AggregateRoot> T update(T aggregate) {
        MongoPersistentEntity<?> entity = entity(aggregate);
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        String versionField = versionProperty.getFieldName();
        long readVersion = currentVersion(accessor.getProperty(versionProperty));
        Document state = toDocument(aggregate);
        Object id = state.remove("_id");
        state.remove(versionField);
        state.remove(OUTBOX);
        state.remove("_class");
        List<OutboxEvent> events = aggregate.recordedEvents();
        Document update = new Document("$set", state).append("$inc", new Document(versionField, 1L));
        if (!events.isEmpty()) {
            update.append("$push", new Document(OUTBOX, new Document("$each",
                    events.stream().map(mongo.getConverter()::convertToMongoType).toList())));
        }
        // one plain filter document with the id at its top: the in-memory store scans the collection for an $and
        Document filter = new Document("_id", id);
        if (readVersion == 0) {
            filter.append("$or", List.of(new Document(versionField, 0L), new Document(versionField, new Document("$exists", false))));
        } else {
            filter.append(versionField, readVersion);
        }
        UpdateResult result = mongo.getCollection(entity.getCollection()).updateOne(filter, update);
        if (result.getMatchedCount() == 0) {
            throw conflict(entity, id, versionField);
        }
        accessor.setProperty(versionProperty, readVersion + 1);
        afterWrite(aggregate, entity, id, events);
        return aggregate;
    }

    private void afterWrite(AggregateRoot aggregate, MongoPersistentEntity<?> entity, Object id, List<OutboxEvent> events) {
        aggregate.clearRecordedEvents();
        if (!events.isEmpty() && index != null) {
            index.mark(entity.getCollection(), id);
        }
    }

    private ConflictException conflict(MongoPersistentEntity<?> entity, Object id, String versionField) {
        Document current = mongo.getCollection(entity.getCollection()).find(Filters.eq("_id", id))
                .projection(Projections.include(versionField)).first();
        if (current == null) {
            return new ConflictException(null);
        }
        Object stored = current.get(versionField);
        return new ConflictException(currentVersion(stored));
    }

    private Document toDocument(Object aggregate) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        return document;
    }

    private MongoPersistentEntity<?> entity(Object aggregate) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
    }

    private static long currentVersion(Object stored) {
        return stored instanceof Number number ? number.longValue() : 0L;
    }
}
