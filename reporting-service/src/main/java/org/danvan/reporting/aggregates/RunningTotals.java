package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the running totals as facts arrive. A batch first recomputes the own values of the cells its facts
 * fall in, then ({@link CellRollup}) every ancestor of those units as the tree was in each period. Everything
 * written is a whole value computed from stored facts, so a redelivered batch, a replay or a batch cut short by
 * a crash writes the same documents again: a revision's old contribution leaves the totals exactly once. Any
 * number of instances may write: each cell is written only if unchanged since it was read, and a batch whose
 * write was refused is recomputed from fresh reads. Within one instance the topics' batches take turns (the
 * lock): on two cores, two recomputes of the same national chain at once mostly refuse each other.
 */
@Component
public class RunningTotals {

    private static final int ROLL_FORWARD_BATCH = 500;
    /** Recomputes of one batch before it is given back to the binder (which redelivers it). */
    private static final int ATTEMPTS = 50;

    private final FigureCells cells;
    private final CellRollup rollup;
    private final FigureKeys keys;
    private final FigureYears years;
    private final ObjectProvider<FigureSource> sources;
    private final Clock clock;
    private final Counter refused;

    RunningTotals(FigureCells cells, CellRollup rollup, FigureKeys keys, FigureYears years, ObjectProvider<FigureSource> sources,
            Clock clock, MeterRegistry meters) {
        this.cells = cells;
        this.rollup = rollup;
        this.keys = keys;
        this.years = years;
        this.sources = sources;
        this.clock = clock;
        this.refused = Counter.builder("danvan.figures.writes.refused")
                .description("Running-total batches recomputed because another writer changed one of their cells first")
                .register(meters);
    }

    /**
     * Accepted revisions (in any order, redelivered or not) into the cells of every kept period they fall in;
     * returns the ids ({@code reportId#revision}) of those not seen before.
     */
    synchronized Set<String> acceptReports(Collection<AcceptedValues> reports) {
        Set<String> fresh = new HashSet<>();
        // a revision taken by an attempt whose write was refused is fresh again in the next: the union is what this call added
        retrying(() -> acceptOnce(reports, fresh));
        return fresh;
    }

    private boolean acceptOnce(Collection<AcceptedValues> reports, Set<String> fresh) {
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
        CellRollup.Batch batch = new CellRollup.Batch();
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
        return rollup.write(batch, current);
    }

    /**
     * What {@code source} gives for these units changed on these days: their cells of every kept period the
     * change moves take the source's new values.
     */
    public synchronized void figuresChanged(FigureSource source, Map<String, Set<LocalDate>> daysByUnit) {
        retrying(() -> figuresChangedOnce(source, daysByUnit));
    }

    private boolean figuresChangedOnce(FigureSource source, Map<String, Set<LocalDate>> daysByUnit) {
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
        CellRollup.Batch batch = new CellRollup.Batch();
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
        return rollup.write(batch, current);
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
     * A unit event was stored: the unit, every parent it has or had, and its children are recomputed in every kept
     * period, so a (backdated) move leaves its old chain and joins its new one in the periods it changes, and a unit
     * stored after its children counts them.
     */
    synchronized void unitsChanged(Collection<UnitNode> before, Collection<UnitNode> after) {
        Set<String> touched = new HashSet<>();
        for (Collection<UnitNode> side : List.of(before, after)) {
            for (UnitNode unit : side) {
                touched.add(unit.unitId());
                unit.parents().forEach(link -> touched.add(link.parentId()));
            }
        }
        rollup.treeChanged();
        Set<Integer> known = years.all();
        if (known.isEmpty()) {
            return;
        }
        // every year with facts, and the years a stock is carried through, up to the clock's
        int first = known.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = Math.max(years.last(), LocalDate.now(clock).getYear());
        retrying(() -> {
            CellRollup.Batch batch = new CellRollup.Batch();
            for (ReportingPeriod period : FigurePeriods.ofYears(first, last)) {
                touched.forEach(unit -> batch.mark(unit, period));
                // a unit that arrives after its children (from another partition, or in a replay) takes them in: each
                // climbs to it now, which it could not while the unit was unknown
                after.forEach(unit -> rollup.children(unit.unitId(), period).forEach(child -> batch.mark(child, period)));
            }
            return rollup.write(batch, keys.keys());
        });
    }

    /** Runs {@code attempt} until its write is not refused; a batch that keeps losing goes back to the binder. */
    private void retrying(BooleanSupplier attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (attempt.getAsBoolean()) {
                return;
            }
            refused.increment();
        }
        throw new ConcurrentModificationException("figure cells kept changing under " + ATTEMPTS + " recomputes of one batch");
    }
}
