package org.danvan.reporting.aggregates;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.danvan.support.persistence.DuplicateKeys;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * reporting-service's copy of the dated unit tree. Each write is one guarded upsert, so the consumer is
 * idempotent under redelivery and reordering.
 */
@Component
class AggregateStore {

    private static final int UNIT_PAGE = 50_000;
    private static final String META = "aggregate_meta";
    private static final String TREE_STAMP = "unit-tree";

    private final MongoTemplate mongo;
    private final String meta;

    AggregateStore(MongoTemplate mongo, FigureGeneration generation) {
        this.mongo = mongo;
        this.meta = generation.collection(META);
    }

    /**
     * Stores the unit's state unless one at least as new is stored. Returns the state stored before, and for an
     * applied write the tree stamp before and after it.
     */
    UnitWrite applyUnit(String eventId, UnitTreeDocument unit) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(unit.unitId()).and("version").lt(unit.version()));
        Update update = new Update()
                .set("version", unit.version())
                .set("code", unit.code())
                .set("name", unit.name())
                .set("kind", unit.kind())
                .set("level", unit.level())
                .set("openedOn", unit.openedOn())
                .set("closedOn", unit.closedOn())
                .set("parents", mongo.getConverter().convertToMongoType(unit.parents()))
                .set("successorUnitId", unit.successorUnitId())
                .set("lastEventId", eventId);
        // by id alone, which every store answers from the id index (the guarded upsert's id-and-version filter is a
        // collection scan in the in-memory store): a redelivered or stale event is refused without a write
        UnitTreeDocument stored = mongo.findById(unit.unitId(), UnitTreeDocument.class);
        UnitNode before = stored == null ? null : stored.node();
        boolean applied;
        if (stored != null && stored.version() >= unit.version()) {
            applied = false;
        } else if (stored == null && inserted(new UnitTreeDocument(unit.unitId(), unit.version(), unit.code(), unit.name(),
                unit.kind(), unit.level(), unit.openedOn(), unit.closedOn(), unit.parents(), unit.successorUnitId(), eventId))) {
            applied = true;
        } else {
            applied = guardedUpsert(olderOrAbsent, update, UnitTreeDocument.class);
        }
        if (!applied) {
            return new UnitWrite(before, Optional.empty());
        }
        // after the write: a reader that saw the old stamp reloads on its next request
        Document stamp = mongo.findAndModify(Query.query(Criteria.where("_id").is(TREE_STAMP)),
                new Update().inc("changes", 1).setOnInsert("epoch", UUID.randomUUID().toString()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, meta);
        long changes = ((Number) stamp.get("changes")).longValue();
        String previous = changes == 1 ? "none" : stamp.get("epoch") + "/" + (changes - 1);
        return new UnitWrite(before, Optional.of(new Stamps(previous, stamp.get("epoch") + "/" + changes)));
    }

    /** A unit write: the state before it (null for a first one), and the stamps when it was applied. */
    record UnitWrite(UnitNode before, Optional<Stamps> stamps) {
    }

    /** The tree stamp before and after one applied unit write. */
    record Stamps(String before, String after) {
    }

    /**
     * Changes whenever a unit write is applied (by any instance), so a tree built after reading a stamp is
     * current while the stamp is; the epoch changes when the store is wiped.
     */
    String treeStamp() {
        Document stamp = mongo.findById(TREE_STAMP, Document.class, meta);
        return stamp == null ? "none" : stamp.get("epoch") + "/" + stamp.get("changes");
    }

    /** Inserts a first state; false when another writer stored one meanwhile (the guarded upsert then decides). */
    private boolean inserted(Object document) {
        return DuplicateKeys.firstWrite(() -> mongo.insert(document));
    }

    private boolean guardedUpsert(Query olderOrAbsent, Update update, Class<?> type) {
        return DuplicateKeys.firstWrite(() -> mongo.upsert(olderOrAbsent, update, type));
    }

    /**
     * Every unit, read in pages by id: one reply for a national tree (620,000 units, ~240 MB) exceeds the
     * driver's maximum message size on the in-memory store, which answers a find in a single batch.
     */
    List<UnitNode> units() {
        List<UnitNode> all = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            Query page = after == null ? new Query() : Query.query(Criteria.where("_id").gt(after));
            page.with(Sort.by("_id")).limit(UNIT_PAGE);
            List<UnitTreeDocument> units = mongo.find(page, UnitTreeDocument.class);
            units.forEach(unit -> all.add(unit.node()));
            if (units.size() < UNIT_PAGE) {
                return all;
            }
            after = units.getLast().unitId();
        }
    }
}
