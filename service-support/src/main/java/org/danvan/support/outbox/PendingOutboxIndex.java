package org.danvan.support.outbox;

import java.util.Collection;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * A small collection naming the aggregates that have events waiting, so that the relay does not scan whole
 * aggregate collections every round. It is only a hint: the events themselves live in the aggregate
 * document, written atomically with the state. An entry lost to a crash right after the aggregate write is
 * found again by the relay's periodic sweep.
 */
public class PendingOutboxIndex extends AbstractMongoEventListener<Object> {

    static final String COLLECTION = "outbox_pending";

    private final MongoTemplate mongo;
    private final List<String> collections;

    public PendingOutboxIndex(MongoTemplate mongo, OutboxProperties properties) {
        this.mongo = mongo;
        this.collections = properties.collections();
    }

    /** Every save through Spring Data (repositories and MongoTemplate) of a document with pending events. */
    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        Document saved = event.getDocument();
        if (saved != null && collections.contains(event.getCollectionName())
                && saved.get(OutboxRelay.FIELD) instanceof List<?> pending && !pending.isEmpty()) {
            mark(event.getCollectionName(), saved.get("_id"));
        }
    }

    /** Notes that an aggregate has events waiting; for writes that bypass Spring Data's mapping events. */
    public void mark(String collection, Object aggregateId) {
        Document entry = entry(collection, aggregateId);
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", entry.get("_id")), entry,
                new ReplaceOptions().upsert(true));
    }

    /** {@link #mark} for many aggregates in one bulk write, as after a bulk import. */
    public void markAll(String collection, Collection<?> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(aggregateIds.stream().map(id -> entry(collection, id)).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // entries that already exist are fine; anything else is not
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static Document entry(String collection, Object aggregateId) {
        return new Document("_id", collection + "/" + aggregateId)
                .append("collection", collection).append("aggregateId", aggregateId);
    }
}
