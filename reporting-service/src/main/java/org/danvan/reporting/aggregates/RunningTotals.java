package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the running totals as facts arrive. A batch first recomputes the own values of the cells its facts
 * fall in, then every ancestor of those units as the tree was in each period, deepest first, each as its own
 * values plus its children's stored totals. Everything written is a whole value computed from stored facts,
 * so a redelivered batch, a replay or a batch cut short by a crash writes the same documents again: a
 * revision's old contribution leaves the totals exactly once. One writer per instance (the lock), so two
 * batches never recompute an ancestor from each other's half-written children.
 */
@Component
public class RunningTotals {

    private static final int ROLL_FORWARD_BATCH = 500;

    private final FigureCells cells;
    private final UnitTrees trees;
    private final FigureKeys keys;
    private final FigureYears years;
    private final ObjectProvider<FigureSource> sources;
    private final Clock clock;

    RunningTotals(FigureCells cells, UnitTrees trees, FigureKeys keys, FigureYears years, ObjectProvider<FigureSource> sources,
            Clock clock) {
        this.cells = cells;
        this.trees = trees;
        this.keys = keys;
        this.years = years;
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * Accepted revisions (in any order, redelivered or not) into the cells of every kept period they fall in;
     * returns the ids ({@code reportId#revision}) of those not seen before.
     */
    synchronized Set<String> acceptReports(Collection<AcceptedValues> reports) {
        Map<String, List<AcceptedValues>> byCell = new LinkedHashMap<>();
        Map<String, ReportingPeriod> periodOf = new HashMap<>();
        Map<String, String> unitOf = new HashMap<>();
        for (AcceptedValues report : reports) {
            years.note(report.period().year());
            for (ReportingPeriod period : FigurePeriods.containing(report.period())) {
                String id = FigureCell.idOf(report.unitId(), period);
                byCell.computeIfAbsent(id, i -> new ArrayList<>()).add(report);
                periodOf.put(id, period);
                unitOf.put(id, report.unitId());
            }
        }
        FigureKeys.Keys current = keys.keys();
        Map<String, FigureCell> stored = cells.find(byCell.keySet());
        Batch batch = new Batch(stored.keySet());
        Set<String> fresh = new HashSet<>();
        byCell.forEach((id, facts) -> {
            FigureCell cell = stored.getOrDefault(id, new FigureCell(unitOf.get(id), periodOf.get(id), Map.of(), Map.of()));
            for (AcceptedValues report : facts) {
                if (cell.accept(report) && cell.period.equals(report.period())) {
                    fresh.add(report.reportId() + "#" + report.revision());
                }
            }
            // recomputed even when every revision was already there: a batch cut short by a crash is finished here
            cell.recomputeOwn(current.elements());
            batch.changed(cell);
        });
        rollup(batch, current);
        return fresh;
    }

    /**
     * What {@code source} gives for these units changed on these days: their cells of every kept period the
     * change moves take the source's new values.
     */
    public synchronized void figuresChanged(FigureSource source, Map<String, Set<LocalDate>> daysByUnit) {
        int lastYear = Math.max(LocalDate.now(clock).getYear(), years.last());
        Map<ReportingPeriod, Set<String>> unitsByPeriod = new TreeMap<>(FigureYears.ORDER);
        daysByUnit.forEach((unit, days) -> days.forEach(day -> {
            years.note(day.getYear());
            // a flow source gives its units zeros for the periods of a year nothing happened in
            List<ReportingPeriod> periods = source.stock() ? FigurePeriods.endingFrom(day, lastYear) : FigurePeriods.ofYear(day.getYear());
            periods.forEach(p -> unitsByPeriod.computeIfAbsent(p, x -> new HashSet<>()).add(unit));
        }));
        FigureKeys.Keys current = keys.keys();
        List<String> ids = new ArrayList<>();
        unitsByPeriod.forEach((period, units) -> units.forEach(u -> ids.add(FigureCell.idOf(u, period))));
        Map<String, FigureCell> stored = cells.find(ids);
        Batch batch = new Batch(stored.keySet());
        Set<String> codes = source.elementCodes();
        Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> byPeriod = source.figures(daysByUnit.keySet(), unitsByPeriod.keySet());
        unitsByPeriod.forEach((period, units) -> {
            Map<String, Map<String, BigDecimal>> figures = byPeriod.getOrDefault(period, Map.of());
            for (String unit : units) {
                String id = FigureCell.idOf(unit, period);
                FigureCell cell = stored.getOrDefault(id, new FigureCell(unit, period, Map.of(), Map.of()));
                Map<String, BigDecimal> events = new TreeMap<>(cell.events);
                events.keySet().removeAll(codes);
                events.putAll(figures.getOrDefault(unit, Map.of()));
                cell.events = Map.copyOf(events);
                cell.recomputeOwn(current.elements());
                batch.changed(cell);
            }
        });
        rollup(batch, current);
    }

    /**
     * Carries the stocks into the business clock's new year: a stock's cells of a year exist once a change reaches
     * them, and on 1 January nothing has changed yet. Daily, and once at start; nothing to do within a year.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
    void rollForward() {
        int year = LocalDate.now(clock).getYear();
        if (years.all().isEmpty() || years.all().contains(year)) {
            return;
        }
        LocalDate newYear = LocalDate.of(year, 1, 1);
        sources.orderedStream().filter(FigureSource::stock).forEach(source -> {
            List<String> units = List.copyOf(source.units());
            for (int from = 0; from < units.size(); from += ROLL_FORWARD_BATCH) {
                Map<String, Set<LocalDate>> days = new HashMap<>();
                units.subList(from, Math.min(units.size(), from + ROLL_FORWARD_BATCH)).forEach(u -> days.put(u, Set.of(newYear)));
                figuresChanged(source, days);
            }
        });
        years.note(year);
    }

    /**
     * A unit event was stored: the unit, and every parent it has or had, are recomputed in every kept period, so
     * a (backdated) move leaves its old chain and joins its new one in the periods it changes.
     */
    synchronized void unitsChanged(Collection<UnitNode> before, Collection<UnitNode> after) {
        Set<String> touched = new HashSet<>();
        for (Collection<UnitNode> side : List.of(before, after)) {
            for (UnitNode unit : side) {
                touched.add(unit.unitId());
                unit.parents().forEach(link -> touched.add(link.parentId()));
            }
        }
        Set<Integer> known = years.all();
        if (known.isEmpty()) {
            return;
        }
        // every year with facts, and the years a stock is carried through, up to the clock's
        int first = known.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = Math.max(years.last(), LocalDate.now(clock).getYear());
        Batch batch = new Batch(Set.of());
        for (ReportingPeriod period : FigurePeriods.ofYears(first, last)) {
            touched.forEach(unit -> batch.mark(unit, period));
        }
        rollup(batch, keys.keys());
    }

    /**
     * Recomputes the marked cells and their ancestors of every period, deepest first: one read per depth for all
     * periods together, one bulk write at the end.
     */
    private void rollup(Batch batch, FigureKeys.Keys current) {
        Map<ReportingPeriod, UnitTree> treeOf = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Set<String>> chainChildren = new HashMap<>();
        Map<String, ReportingPeriod> periodOf = new HashMap<>();
        batch.marked.forEach((period, units) -> {
            UnitTree tree = treeOf.computeIfAbsent(period, trees::tree);
            units.forEach(unit -> climb(tree, unit, depth, chainChildren, periodOf));
        });
        Map<String, FigureCell> work = new HashMap<>(batch.cells);
        load(work, depth.keySet(), periodOf, batch);
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<FigureCell> written = new ArrayList<>();
        for (int level = deepest; level >= 0; level--) {
            int at = level;
            List<String> ids = depth.entrySet().stream().filter(e -> e.getValue() == at).map(Map.Entry::getKey).toList();
            Map<String, ReportingPeriod> kids = new HashMap<>();
            ids.forEach(id -> work.get(id).kids.forEach(k -> kids.put(FigureCell.idOf(k, periodOf.get(id)), periodOf.get(id))));
            // a child outside the chain is only read (its totals), never written
            kids.keySet().removeAll(work.keySet());
            if (!kids.isEmpty()) {
                work.putAll(cells.find(kids.keySet(), FigureCells.Part.TOTALS));
            }
            for (String id : ids) {
                FigureCell cell = work.get(id);
                UnitTree tree = treeOf.get(cell.period);
                Set<String> candidates = new HashSet<>(cell.kids);
                candidates.addAll(chainChildren.getOrDefault(id, Set.of()));
                List<FigureCell> children = candidates.stream().filter(k -> cell.unitId.equals(tree.parentOf(k)))
                        .map(k -> work.get(FigureCell.idOf(k, cell.period))).filter(c -> c != null).toList();
                cell.recomputeTotals(tree, current, children);
                if (!cell.empty() || batch.existed.contains(id)) {
                    written.add(cell);
                }
            }
        }
        cells.write(written);
    }

    /** Numbers the unit's cell and its ancestors' by depth (the root 0) and links each to the chain member below it. */
    private static void climb(UnitTree tree, String unit, Map<String, Integer> depth, Map<String, Set<String>> chainChildren,
            Map<String, ReportingPeriod> periodOf) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String at = unit; at != null && seen.add(at); at = tree.parentOf(at)) {
            chain.add(at);
        }
        for (int i = 0; i < chain.size(); i++) {
            String id = FigureCell.idOf(chain.get(i), tree.period());
            periodOf.put(id, tree.period());
            depth.merge(id, chain.size() - 1 - i, Math::max);
            if (i > 0) {
                chainChildren.computeIfAbsent(id, p -> new HashSet<>()).add(chain.get(i - 1));
            }
        }
    }

    /** Reads the cells among {@code ids} not yet in {@code work}; a missing one starts empty. */
    private void load(Map<String, FigureCell> work, Collection<String> ids, Map<String, ReportingPeriod> periodOf, Batch batch) {
        List<String> missing = ids.stream().filter(id -> !work.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, FigureCell> found = cells.find(missing);
        work.putAll(found);
        batch.existed.addAll(found.keySet());
        for (String id : missing) {
            if (!work.containsKey(id)) {
                ReportingPeriod period = periodOf.get(id);
                work.put(id, new FigureCell(id.substring(period.toString().length() + 1), period, Map.of(), Map.of()));
            }
        }
    }

    /** The cells a batch changed and the units to recompute, per period. */
    private static final class Batch {

        final Map<String, FigureCell> cells = new HashMap<>();
        final Map<ReportingPeriod, Set<String>> marked = new TreeMap<>(FigureYears.ORDER);
        final Set<String> existed;

        Batch(Set<String> existed) {
            this.existed = new HashSet<>(existed);
        }

        void changed(FigureCell cell) {
            cells.put(cell.id(), cell);
            mark(cell.unitId, cell.period);
        }

        void mark(String unit, ReportingPeriod period) {
            marked.computeIfAbsent(period, p -> new HashSet<>()).add(unit);
        }
    }
}
