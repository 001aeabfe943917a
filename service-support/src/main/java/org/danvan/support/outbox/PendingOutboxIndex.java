package org.danvan.support.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
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
 * <p>
 * An entry names one aggregate ({@code aggregateId}) or, after a bulk write, a batch of them
 * ({@code aggregateIds}, up to the relay's batch size): one index write per batch, not one per aggregate.
 */
public class PendingOutboxIndex extends AbstractMongoEventListener<Object> {

    static final String COLLECTION = "outbox_pending";

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final int batchSize;

    public PendingOutboxIndex(MongoTemplate mongo, OutboxProperties properties) {
        this.mongo = mongo;
        this.collections = properties.collections();
        this.batchSize = properties.batchSize();
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
        Document entry = new Document("_id", collection + "/" + aggregateId)
                .append("collection", collection).append("aggregateId", aggregateId);
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", entry.get("_id")), entry,
                new ReplaceOptions().upsert(true));
    }

    /** {@link #mark} for many aggregates, as after a bulk import: one entry per batch of them. */
    public void markAll(String collection, Collection<?> aggregateIds) {
        List<?> ids = List.copyOf(aggregateIds);
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += batchSize) {
            entries.add(new Document("_id", collection + "/batch/" + UUID.randomUUID()).append("collection", collection)
                    .append("aggregateIds", ids.subList(i, Math.min(ids.size(), i + batchSize))));
        }
        if (!entries.isEmpty()) {
            mongo.getCollection(COLLECTION).insertMany(entries);
        }
    }

    /** The aggregates an entry names. */
    static List<Object> aggregateIds(Document entry) {
        List<Object> batch = entry.getList("aggregateIds", Object.class);
        return batch != null ? batch : List.of(entry.get("aggregateId"));
    }
}
