package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.persistence.IdPages;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The running totals in MongoDB ({@code figure_cells}, one document per unit and period), read by id and
 * written in one unordered bulk per batch. Numbers are kept as decimal strings, so sums stay exact.
 */
@Component
class FigureCells {

    static final String COLLECTION = "figure_cells";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final String collection;

    FigureCells(MongoTemplate mongo, FigureGeneration generation) {
        this.mongo = mongo;
        this.collection = generation.collection(COLLECTION);
        // what a conditional write filters on: the in-memory store answers a filter only from a unique index of exactly
        // its fields and ignores any other index (so the non-unique "id_version" before it never served); unique
        // because _id is. MongoDB needs only the _id index for it
        mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC)
                .unique().named("id_version_unique"));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }

    /** The parts of a cell a read needs: each read of many units' cells decodes no more than it uses. */
    enum Part {
        ALL(null),
        /** the reports' identity, form, period and lateness: who has reported */
        STANDINGS(new Document("unit", 1).append("period", 1).append("facts.id", 1).append("facts.rev", 1)
                .append("facts.form", 1).append("facts.period", 1).append("facts.late", 1).append("standings", 1)),
        /** subtree totals only: a child's part in its parent's recompute */
        TOTALS(new Document("unit", 1).append("period", 1).append("sum", 1).append("valued", 1).append("reporting", 1)
                .append("indicatorReporting", 1).append("standings", 1)),
        /** own values and subtree totals with their reporting units: a unit's figures */
        FIGURES(new Document("unit", 1).append("period", 1).append("own", 1).append("sum", 1).append("valued", 1)
                .append("reporting", 1).append("indicatorReporting", 1).append(VERSION, 1));

        private final Document projection;

        Part(Document projection) {
            this.projection = projection;
        }
    }

    /** The stored cells among {@code ids}, by id. */
    Map<String, FigureCell> find(Collection<String> ids) {
        return find(ids, Part.ALL);
    }

    Map<String, FigureCell> find(Collection<String> ids, Part part) {
        Map<String, FigureCell> found = new HashMap<>();
        IdPages.find(collection(), ids, part.projection, d -> found.put(d.getString("_id"), decode(d)));
        return found;
    }

    Map<String, FigureCell> find(Collection<String> unitIds, ReportingPeriod period, Part part) {
        return find(unitIds.stream().map(u -> FigureCell.idOf(u, period)).toList(), part).values().stream()
                .collect(Collectors.toMap(c -> c.unitId, Function.identity()));
    }

    /** The accepted reports of these units for periods inside {@code period}, by unit, without their values. */
    Map<String, List<AcceptedValues>> standings(Collection<String> unitIds, ReportingPeriod period) {
        Map<String, List<AcceptedValues>> reports = new HashMap<>();
        find(unitIds, period, Part.STANDINGS).forEach((unit, cell) -> reports.put(unit, List.copyOf(cell.facts.values())));
        return reports;
    }

    /** The units with an accepted report of the form for exactly this period. */
    Set<String> reportingUnits(String formCode, ReportingPeriod period) {
        Document filter = new Document("period", period.toString()).append("facts.form", formCode);
        List<String> units = new ArrayList<>();
        for (Document d : collection().find(filter).projection(new Document("unit", 1).append("facts", 1))) {
            boolean exact = d.getList("facts", Document.class).stream()
                    .anyMatch(f -> formCode.equals(f.getString("form")) && period.toString().equals(f.getString("period")));
            if (exact) {
                units.add(d.getString("unit"));
            }
        }
        return Set.copyOf(units);
    }

    /**
     * Writes the cells in order, each only if the store still holds the version it was read at (a new one only if
     * none is stored): false, with the cells after the first refused one left unwritten, when another writer got
     * there first. Every write is a replacement (an upsert for a new cell, which the store refuses with a
     * duplicate key when another writer stored one meanwhile), so the driver sends one command for the batch,
     * not one per change between inserts and replacements.
     */
    boolean write(List<FigureCell> cells) {
        List<WriteModel<Document>> writes = new ArrayList<>(cells.size());
        int replaces = 0;
        int upserts = 0;
        int deletes = 0;
        for (FigureCell cell : cells) {
            // a cell stored before versions, and one not stored at all, have none: a filter on null matches both. One
            // document, not Filters.and (which the driver sends as $and, a filter no index of the in-memory store serves)
            Bson unchanged = new Document("_id", cell.id()).append(VERSION, cell.version > 0 ? cell.version : null);
            if (cell.empty()) {
                writes.add(new DeleteOneModel<>(unchanged));
                deletes++;
            } else {
                writes.add(new ReplaceOneModel<>(unchanged, encode(cell).append(VERSION, Math.max(cell.version, 0) + 1),
                        new ReplaceOptions().upsert(!cell.stored())));
                if (cell.stored()) {
                    replaces++;
                } else {
                    upserts++;
                }
            }
        }
        if (writes.isEmpty()) {
            return true;
        }
        try {
            BulkWriteResult result = collection().bulkWrite(writes, new BulkWriteOptions().ordered(true));
            if (result.getUpserts().size() != upserts || result.getMatchedCount() != replaces || result.getDeletedCount() != deletes) {
                return false;
            }
            // the versions now stored (0 for a deleted cell): what the scopes' running state compares
            cells.forEach(cell -> cell.version = cell.empty() ? 0 : Math.max(cell.version, 0) + 1);
            return true;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    /** Removes every cell (a rebuild starts from nothing). */
    void clear() {
        collection().deleteMany(new Document());
    }

    static Document encode(FigureCell cell) {
        List<Document> facts = cell.facts.values().stream().map(r -> new Document("id", r.reportId())
                .append("rev", r.revision()).append("form", r.formCode()).append("period", r.period().toString())
                .append("numbers", numbers(r.numbers())).append("answers", new Document(new LinkedHashMap<>(r.answers())))
                .append("late", r.late()).append("acceptedOn", r.acceptedOn() == null ? null : r.acceptedOn().toString()))
                .toList();
        return new Document("_id", cell.id()).append("unit", cell.unitId).append("period", cell.period.toString())
                .append("facts", facts).append("events", numbers(cell.events)).append("own", numbers(cell.own))
                .append("sum", numbers(cell.sum)).append("valued", new Document(new LinkedHashMap<>(cell.valued)))
                .append("reporting", new Document(new LinkedHashMap<>(cell.reporting)))
                .append("indicatorReporting", new Document(new LinkedHashMap<>(cell.indicatorReporting)))
                .append("standings", tallies(cell.standings))
                .append("kids", List.copyOf(cell.kids));
    }

    static FigureCell decode(Document d) {
        String unit = d.getString("unit");
        ReportingPeriod period = ReportingPeriod.of(d.getString("period"));
        Map<String, AcceptedValues> facts = new LinkedHashMap<>();
        for (Document f : d.getList("facts", Document.class, List.of())) {
            Map<String, Boolean> answers = new LinkedHashMap<>();
            f.get("answers", new Document()).forEach((k, v) -> answers.put(k, (Boolean) v));
            String acceptedOn = f.getString("acceptedOn");
            facts.put(f.getString("id"), new AcceptedValues(f.getString("id"), f.getInteger("rev"), f.getString("form"), unit,
                    ReportingPeriod.of(f.getString("period")), decimals(f.get("numbers", Document.class)), answers,
                    f.getBoolean("late", false), acceptedOn == null ? null : LocalDate.parse(acceptedOn)));
        }
        FigureCell cell = new FigureCell(unit, period, facts, decimals(d.get("events", Document.class)));
        Object version = d.get(VERSION);
        cell.version = version == null ? 0 : ((Number) version).longValue();
        cell.own = decimals(d.get("own", Document.class));
        cell.sum.putAll(decimals(d.get("sum", Document.class)));
        counts(d.get("valued", Document.class), cell.valued);
        counts(d.get("reporting", Document.class), cell.reporting);
        counts(d.get("indicatorReporting", Document.class), cell.indicatorReporting);
        Document standings = d.get("standings", Document.class);
        if (standings != null) {
            standings.forEach((form, t) -> {
                Document tally = (Document) t;
                cell.standings.put(form, new FormTally(tally.getInteger("reported"), tally.getInteger("received"), tally.getInteger("late")));
            });
        }
        cell.kids.addAll(d.getList("kids", String.class, List.of()));
        return cell;
    }

    private static Document tallies(Map<String, FormTally> standings) {
        Document document = new Document();
        standings.forEach((form, t) -> document.append(form, new Document("reported", t.reported()).append("received", t.received())
                .append("late", t.late())));
        return document;
    }

    private static Document numbers(Map<String, BigDecimal> values) {
        Document document = new Document();
        values.forEach((code, value) -> document.append(code, value.toPlainString()));
        return document;
    }

    private static Map<String, BigDecimal> decimals(Document document) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((code, value) -> values.put(code, new BigDecimal(value.toString())));
        }
        return values;
    }

    private static void counts(Document document, Map<String, Integer> into) {
        if (document != null) {
            document.forEach((code, value) -> into.put(code, ((Number) value).intValue()));
        }
    }
}
