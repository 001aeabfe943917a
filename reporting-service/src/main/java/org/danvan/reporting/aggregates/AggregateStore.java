package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.danvan.contracts.InvalidEventException;
import org.danvan.contracts.reporting.ReportAccepted;
import org.bson.Document;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.persistence.DuplicateKeys;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The materialised inputs of every aggregate: the dated unit tree and the latest accepted revision of each
 * report. Each write is one guarded upsert, so the consumers are idempotent under redelivery and reordering.
 */
@Component
class AggregateStore {

    /**
     * Above this many units a subtree's reports are read by period and filtered here: an {@code $in} over a
     * province's or the nation's unit ids costs more than reading the period's reports.
     */
    static final int LARGE_SUBTREE = 2_000;
    private static final int UNIT_PAGE = 50_000;
    private static final String META = "aggregate_meta";
    private static final String TREE_STAMP = "unit-tree";

    private final MongoTemplate mongo;

    AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AcceptedReportDocument.class).createIndex(new Index().on("unitId", Sort.Direction.ASC)
                .on("periodStart", Sort.Direction.ASC).on("periodEnd", Sort.Direction.ASC).named("unit_period"));
        mongo.indexOps(AcceptedReportDocument.class).createIndex(new Index().on("periodStart", Sort.Direction.ASC)
                .on("periodEnd", Sort.Direction.ASC).named("period"));
    }

    /** Stores the unit's state unless one at least as new is stored; false for a redelivered or stale event. */
    boolean applyUnit(String eventId, UnitTreeDocument unit) {
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
        Long stored = storedVersion(unit.unitId(), "version", UnitTreeDocument.class);
        boolean applied;
        if (stored != null && stored >= unit.version()) {
            applied = false;
        } else if (stored == null && inserted(new UnitTreeDocument(unit.unitId(), unit.version(), unit.code(), unit.name(),
                unit.kind(), unit.level(), unit.openedOn(), unit.closedOn(), unit.parents(), unit.successorUnitId(), eventId))) {
            applied = true;
        } else {
            applied = guardedUpsert(olderOrAbsent, update, UnitTreeDocument.class);
        }
        if (applied) {
            // after the write: a reader that saw the old stamp reloads on its next request
            mongo.upsert(Query.query(Criteria.where("_id").is(TREE_STAMP)),
                    new Update().inc("changes", 1).setOnInsert("epoch", UUID.randomUUID().toString()), META);
        }
        return applied;
    }

    /**
     * Changes whenever a unit write is applied (by any instance), so a tree built after reading a stamp is
     * current while the stamp is; the epoch changes when the store is wiped.
     */
    String treeStamp() {
        Document stamp = mongo.findById(TREE_STAMP, Document.class, META);
        return stamp == null ? "none" : stamp.get("epoch") + "/" + stamp.get("changes");
    }

    /** Replaces the report's values with this revision's unless a revision at least as new is stored. */
    boolean applyReport(String eventId, ReportAccepted accepted) {
        ReportingPeriod period = ReportingPeriod.parse(accepted.period())
                .orElseThrow(() -> new InvalidEventException(List.of("period '" + accepted.period() + "' is not a period")));
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, Boolean> answers = new LinkedHashMap<>();
        accepted.values().forEach((code, reported) -> {
            Object value = reported == null ? null : reported.value();
            if (value instanceof Boolean answer) {
                answers.put(code, answer);
            } else if (value instanceof Number number) {
                numbers.put(code, new BigDecimal(number.toString()));
            } else if (value != null) {
                throw new InvalidEventException(List.of("value of " + code + " is neither a number nor true/false"));
            }
        });
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(accepted.reportId()).and("revision").lt(accepted.revision()));
        Update update = new Update()
                .set("revision", accepted.revision())
                .set("formCode", accepted.formCode())
                .set("unitId", accepted.unitId())
                .set("period", period.toString())
                .set("periodStart", period.start())
                .set("periodEnd", period.end())
                // the whole map is replaced: a revision retracts what it no longer carries
                .set("numbers", mongo.getConverter().convertToMongoType(numbers))
                .set("answers", answers)
                .set("late", accepted.late())
                .set("acceptedOn", accepted.acceptedOn())
                .set("lastEventId", eventId);
        Long stored = storedVersion(accepted.reportId(), "revision", AcceptedReportDocument.class);
        if (stored != null && stored >= accepted.revision()) {
            return false;
        }
        if (stored == null && inserted(new AcceptedReportDocument(accepted.reportId(), accepted.revision(), accepted.formCode(),
                accepted.unitId(), period.toString(), period.start(), period.end(), numbers, answers, accepted.late(),
                accepted.acceptedOn(), eventId))) {
            return true;
        }
        return guardedUpsert(olderOrAbsent, update, AcceptedReportDocument.class);
    }

    /**
     * The stored version (or revision) by id alone, which every store answers from the id index (the guarded
     * upsert's id-and-version filter is a collection scan in the in-memory store): a redelivered or stale event
     * is then refused without a write, and a first one becomes a plain insert.
     */
    private Long storedVersion(String id, String field, Class<?> type) {
        Document stored = mongo.findById(id, Document.class, mongo.getCollectionName(type));
        return stored == null || !(stored.get(field) instanceof Number n) ? null : n.longValue();
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

    /** The accepted reports of these units for periods inside {@code period}, by unit. */
    Map<String, List<AcceptedValues>> reports(Collection<String> unitIds, ReportingPeriod period) {
        Criteria inPeriod = Criteria.where("periodStart").gte(period.start()).and("periodEnd").lte(period.end());
        if (unitIds.size() > LARGE_SUBTREE) {
            Set<String> wanted = unitIds instanceof Set<String> set ? set : new HashSet<>(unitIds);
            return mongo.find(Query.query(inPeriod), AcceptedReportDocument.class).stream()
                    .filter(r -> wanted.contains(r.unitId())).map(AcceptedReportDocument::values)
                    .collect(Collectors.groupingBy(AcceptedValues::unitId));
        }
        Query query = Query.query(Criteria.where("unitId").in(unitIds)
                .and("periodStart").gte(period.start())
                .and("periodEnd").lte(period.end()));
        return mongo.find(query, AcceptedReportDocument.class).stream().map(AcceptedReportDocument::values)
                .collect(Collectors.groupingBy(AcceptedValues::unitId));
    }

    /** The units with an accepted report of the form for exactly this period. */
    java.util.Set<String> reportingUnits(String formCode, ReportingPeriod period) {
        Query query = Query.query(Criteria.where("formCode").is(formCode).and("period").is(period.toString()));
        query.fields().include("unitId");
        return mongo.find(query, org.bson.Document.class, "accepted_reports").stream()
                .map(d -> d.getString("unitId")).collect(Collectors.toSet());
    }
}
