package org.danvan.reporting.aggregates;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.danvan.support.persistence.IdPages;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which scopes hold each unit in a period ({@code scope_units}, one document per period and unit, read by id): what a
 * cell write looks up to find the scopes it changes. A query on the scopes' own unit lists is a multikey index
 * lookup in MongoDB, but the in-memory store of the local platform answered it by reading every scope's list (a
 * sixth of the national pipeline's CPU); by id, both stores answer from the id index.
 */
@Component
class ScopeUnits {

    static final String COLLECTION = "scope_units";

    private final MongoTemplate mongo;
    private final String collection;

    ScopeUnits(MongoTemplate mongo, FigureGeneration generation) {
        this.mongo = mongo;
        this.collection = generation.collection(COLLECTION);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }

    /** Records that the scope holds these units in the period (in one unordered bulk). */
    void add(String period, String scopeId, List<String> units) {
        if (units.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = units.stream().map(unit -> new UpdateOneModel<Document>(
                Filters.eq("_id", id(period, unit)), Updates.addToSet("scopes", scopeId), new UpdateOptions().upsert(true))).toList();
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The ids of the scopes holding any of these units in the period. */
    Set<String> scopesOf(String period, Collection<String> units) {
        Set<String> scopes = new HashSet<>();
        IdPages.find(collection(), units.stream().map(unit -> id(period, unit)).toList(), null,
                d -> scopes.addAll(d.getList("scopes", String.class)));
        return scopes;
    }

    /** Forgets every scope's units (the scopes are dropped with them). */
    void clear() {
        collection().deleteMany(new Document());
    }

    private static String id(String period, String unit) {
        return period + "|" + unit;
    }
}
