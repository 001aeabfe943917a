package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.danvan.reporting.catalogue.Indicator;
import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What each unit of a scope (the units of some levels and kinds below a root, as the tree was in a period)
 * counts towards an indicator, kept as running state ({@code scope_figures}, one document per scope): built once
 * from the cells when a scope is first asked about, then changed with every cell write of its units, so
 * judging a target over the nation's communes reads one document, not their cells. Each entry keeps the
 * version of the cell it came from, so an older write arriving late never replaces a newer one; the document's
 * own version makes two writers' changes both land. A unit event drops every scope (the tree moved under them).
 */
@Component
class ScopeStates {

    static final String COLLECTION = "scope_figures";
    private static final int ATTEMPTS = 50;
    private static final String VERSION = "version";
    /** Set while a reader builds the scope from the cells: its entries are not to be read yet. */
    private static final String BUILDING = "building";

    private final MongoTemplate mongo;
    private final FigureCells cells;
    private final ScopeUnits units;
    private final String collection;

    ScopeStates(MongoTemplate mongo, FigureCells cells, ScopeUnits units, FigureGeneration generation) {
        this.mongo = mongo;
        this.cells = cells;
        this.units = units;
        this.collection = generation.collection(COLLECTION);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }

    /** The units a scope takes, by what they are. */
    record Key(String indicatorCode, String rootUnitId, ReportingPeriod period, Set<String> levels, Set<String> kinds) {

        Key {
            levels = new TreeSet<>(levels);
            kinds = new TreeSet<>(kinds);
        }

        String id() {
            return indicatorCode + "|" + rootUnitId + "|" + period + "|" + String.join(",", levels) + "|" + String.join(",", kinds);
        }

        boolean takes(UnitNode unit) {
            return (levels.isEmpty() || levels.contains(unit.level())) && (kinds.isEmpty() || kinds.contains(unit.kind()));
        }
    }

    /**
     * One unit in scope: what it counts (its own figures, or its subtree's for an indicator that rolls up), and
     * whether the whole counts it (not when another unit in scope above it already holds its subtree's figures).
     */
    record Entry(String unitId, boolean holder, long cellVersion, Map<String, BigDecimal> counted) {
    }

    /** The scope's units in tree order. */
    List<Entry> entries(Key key, UnitTree tree, Indicator indicator, List<String> codes) {
        Document stored = collection().find(Filters.eq("_id", key.id())).first();
        return stored != null && !stored.getBoolean(BUILDING, false) ? decode(stored) : build(key, tree, indicator, codes);
    }

    /**
     * Reads the cells of the scope's units and stores what they count (replacing any state of the scope). The
     * scope is claimed first — marked as being built, and listed as holding its units ({@link ScopeUnits}), so
     * that a writer of one of their cells bumps its version — and stored only if nobody did meanwhile; otherwise
     * the cells are read again. So a cell written while the scope was read is never left out of it. A scope another reader has just built is taken
     * as it is; one dropped meanwhile (the tree changed) is answered without being stored.
     */
    List<Entry> build(Key key, UnitTree tree, Indicator indicator, List<String> codes) {
        // in tree order: a unit's subtree follows it, so the units that no other in scope holds are found in one pass
        List<UnitNode> scoped = tree.subtree(key.rootUnitId()).stream().filter(key::takes).toList();
        List<String> unitIds = scoped.stream().map(UnitNode::unitId).toList();
        long claimed = claim(key);
        // after the claim, before the cells are read: a writer that does not find the scope yet wrote before the read
        units.add(key.period().toString(), key.id(), unitIds);
        List<Entry> entries = List.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            entries = read(key, tree, indicator, codes, scoped);
            Document state = new Document("_id", key.id()).append("period", key.period().toString())
                    .append("rollsUp", indicator.rollsUp()).append("codes", codes)
                    .append(VERSION, claimed + 1);
            if (collection().replaceOne(new Document("_id", key.id()).append(VERSION, claimed), encode(state, entries))
                    .getMatchedCount() == 1) {
                return entries;
            }
            Document now = collection().find(Filters.eq("_id", key.id())).first();
            if (now == null) {
                return entries;
            }
            if (!now.getBoolean(BUILDING, false)) {
                return decode(now);
            }
            claimed = ((Number) now.get(VERSION)).longValue();
        }
        return entries;
    }

    /** Marks the scope as being built; returns the version the build must find to store it. */
    private long claim(Key key) {
        Document claimed = collection().findOneAndUpdate(Filters.eq("_id", key.id()),
                new Document("$set", new Document(BUILDING, true).append("period", key.period().toString())
                        .append("entries", List.of())).append("$inc", new Document(VERSION, 1L)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) claimed.get(VERSION)).longValue();
    }

    private List<Entry> read(Key key, UnitTree tree, Indicator indicator, List<String> codes, List<UnitNode> scoped) {
        Map<String, FigureCell> found = cells.find(scoped.stream().map(UnitNode::unitId).toList(), key.period(), FigureCells.Part.FIGURES);
        List<Entry> entries = new ArrayList<>();
        String holder = null;
        for (UnitNode unit : scoped) {
            FigureCell cell = found.get(unit.unitId());
            boolean holds = !indicator.rollsUp() || holder == null || !tree.below(unit.unitId(), holder);
            if (holds) {
                holder = unit.unitId();
            }
            entries.add(new Entry(unit.unitId(), holds, cell == null ? 0 : cell.version, counted(cell, indicator.rollsUp(), codes)));
        }
        return entries;
    }

    /** Cells just written (with their new versions): every scope holding one of their units takes its new figures. */
    void written(Collection<FigureCell> written) {
        Map<String, Map<String, FigureCell>> byPeriod = new HashMap<>();
        written.forEach(c -> byPeriod.computeIfAbsent(c.period.toString(), p -> new HashMap<>()).put(c.unitId, c));
        byPeriod.forEach((period, byUnit) -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Set<String> holding = units.scopesOf(period, byUnit.keySet());
                List<Document> states = holding.isEmpty() ? List.of()
                        : collection().find(Filters.in("_id", holding)).into(new ArrayList<>());
                if (states.stream().allMatch(state -> update(state, byUnit))) {
                    return;
                }
            }
            throw new java.util.ConcurrentModificationException("scope figures of " + period + " kept changing");
        });
    }

    /**
     * Takes the cells' figures into one scope; false when another writer changed the scope since it was read. A
     * scope being built takes a new version instead, so that its builder reads the cells again.
     */
    private boolean update(Document state, Map<String, FigureCell> byUnit) {
        long version = ((Number) state.get(VERSION)).longValue();
        if (state.getBoolean(BUILDING, false)) {
            return collection().updateOne(new Document("_id", state.get("_id")).append(VERSION, version),
                    new Document("$inc", new Document(VERSION, 1L))).getMatchedCount() == 1;
        }
        boolean rollsUp = state.getBoolean("rollsUp", false);
        List<String> codes = state.getList("codes", String.class);
        List<Entry> entries = new ArrayList<>();
        boolean changed = false;
        for (Entry entry : decode(state)) {
            FigureCell cell = byUnit.get(entry.unitId());
            // a cell deleted and written again starts over at version 1
            if (cell != null && (cell.version > entry.cellVersion() || cell.version <= 1)) {
                entries.add(new Entry(entry.unitId(), entry.holder(), cell.version, counted(cell.empty() ? null : cell, rollsUp, codes)));
                changed = true;
            } else {
                entries.add(entry);
            }
        }
        if (!changed) {
            return true;
        }
        state.put(VERSION, version + 1);
        // one plain filter document: the in-memory store scans the collection for an $and
        return collection().replaceOne(new Document("_id", state.get("_id")).append(VERSION, version),
                encode(state, entries)).getMatchedCount() == 1;
    }

    /** Forgets every scope: the tree changed, so which units a scope takes and who holds whom may have too. */
    void treeChanged() {
        collection().deleteMany(new Document());
        units.clear();
    }

    private static Map<String, BigDecimal> counted(FigureCell cell, boolean rollsUp, List<String> codes) {
        Map<String, BigDecimal> counted = new LinkedHashMap<>();
        if (cell != null) {
            for (String code : codes) {
                BigDecimal value = rollsUp ? (cell.valued.getOrDefault(code, 0) > 0 ? cell.sum.get(code) : null) : cell.own.get(code);
                if (value != null) {
                    counted.put(code, value);
                }
            }
        }
        return counted;
    }

    private static Document encode(Document state, List<Entry> entries) {
        List<Document> encoded = entries.stream().map(e -> {
            Document counted = new Document();
            e.counted().forEach((code, value) -> counted.append(code, value.toPlainString()));
            return new Document("unit", e.unitId()).append("holder", e.holder()).append("cell", e.cellVersion()).append("counted", counted);
        }).toList();
        return new Document(state).append("entries", encoded);
    }

    private static List<Entry> decode(Document state) {
        List<Entry> entries = new ArrayList<>();
        for (Document e : state.getList("entries", Document.class)) {
            Map<String, BigDecimal> counted = new LinkedHashMap<>();
            e.get("counted", Document.class).forEach((code, value) -> counted.put(code, new BigDecimal(value.toString())));
            entries.add(new Entry(e.getString("unit"), e.getBoolean("holder"), ((Number) e.get("cell")).longValue(), counted));
        }
        return entries;
    }
}
