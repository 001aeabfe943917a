package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportingPeriod;

/**
 * The running totals of one unit over one period: the unit's own facts inside the period (the latest revision
 * of each report, what the event sources give for it), its own value per element, and its subtree's totals
 * as the tree was in the period, with its standing on each form its units owe. Totals are recomputed as a whole
 * from the own values and the children's totals, never incremented, so recomputing twice gives the same document.
 */
final class FigureCell {

    /** The form code of the readings event sources add: never a form, so completeness never counts them. */
    static final String EVENT_FIGURES = "EVENTS";

    final String unitId;
    final ReportingPeriod period;
    final Map<String, AcceptedValues> facts;
    Map<String, BigDecimal> events;
    Map<String, BigDecimal> own = Map.of();
    final Map<String, BigDecimal> sum = new TreeMap<>();
    final Map<String, Integer> valued = new TreeMap<>();
    final Map<String, Integer> reporting = new TreeMap<>();
    final Map<String, Integer> indicatorReporting = new TreeMap<>();
    /** by form: the subtree's owing units' accepted reports, so a completeness count is this cell alone */
    final Map<String, FormTally> standings = new TreeMap<>();
    final Set<String> kids = new LinkedHashSet<>();
    /** The stored document's version this cell was read at; -1 for a cell not stored (0: stored before versions). */
    long version = -1;

    FigureCell(String unitId, ReportingPeriod period, Map<String, AcceptedValues> facts, Map<String, BigDecimal> events) {
        this.unitId = unitId;
        this.period = period;
        this.facts = new TreeMap<>(facts);
        this.events = events == null ? Map.of() : Map.copyOf(events);
    }

    static String idOf(String unitId, ReportingPeriod period) {
        return period + "|" + unitId;
    }

    String id() {
        return idOf(unitId, period);
    }

    /** Takes a revision unless one at least as new is there; false for a redelivered or older one. */
    boolean accept(AcceptedValues report) {
        AcceptedValues stored = facts.get(report.reportId());
        if (stored != null && stored.revision() >= report.revision()) {
            return false;
        }
        facts.put(report.reportId(), report);
        return true;
    }

    /**
     * The unit's reports with what the event sources know added as one more reading for the whole period; an
     * element a source gives is taken out of the reports, so it is never counted twice.
     */
    List<AcceptedValues> readings() {
        if (events.isEmpty()) {
            return List.copyOf(facts.values());
        }
        List<AcceptedValues> readings = new ArrayList<>();
        for (AcceptedValues report : facts.values()) {
            Map<String, BigDecimal> numbers = new HashMap<>(report.numbers());
            numbers.keySet().removeAll(events.keySet());
            readings.add(new AcceptedValues(report.reportId(), report.revision(), report.formCode(), report.unitId(),
                    report.period(), numbers, report.answers(), report.late(), report.acceptedOn()));
        }
        readings.add(new AcceptedValues("events/" + unitId + "/" + period, 0, EVENT_FIGURES, unitId, period, events,
                Map.of(), false, null));
        return readings;
    }

    /** The unit's own value of every catalogued element its readings carry. */
    void recomputeOwn(Map<String, DataElement> elements) {
        List<AcceptedValues> readings = readings();
        Set<String> carried = new LinkedHashSet<>();
        readings.forEach(r -> {
            carried.addAll(r.numbers().keySet());
            carried.addAll(r.answers().keySet());
        });
        Map<String, BigDecimal> values = new TreeMap<>();
        for (String code : carried) {
            DataElement element = elements.get(code);
            if (element != null) {
                Aggregation.unitValue(element, readings).ifPresent(v -> values.put(code, v));
            }
        }
        own = values;
    }

    /** The subtree's totals: the unit's own values (where it is expected to report) and its children's totals. */
    void recomputeTotals(UnitTree tree, FigureKeys.Keys keys, List<FigureCell> children) {
        sum.clear();
        valued.clear();
        reporting.clear();
        indicatorReporting.clear();
        standings.clear();
        kids.clear();
        own.forEach((code, value) -> {
            sum.put(code, value);
            valued.put(code, 1);
        });
        UnitNode unit = tree.unit(unitId).orElse(null);
        if (unit != null) {
            count(keys.elementKeys(), unit, tree, reporting);
            count(keys.indicatorKeys(), unit, tree, indicatorReporting);
            countStandings(keys, unit, tree);
        }
        for (FigureCell child : children) {
            if (child.holdsData()) {
                kids.add(child.unitId);
                child.sum.forEach((code, value) -> sum.merge(code, value, BigDecimal::add));
                child.valued.forEach((code, n) -> valued.merge(code, n, Integer::sum));
                child.reporting.forEach((code, n) -> reporting.merge(code, n, Integer::sum));
                child.indicatorReporting.forEach((code, n) -> indicatorReporting.merge(code, n, Integer::sum));
                child.standings.forEach((form, tally) -> standings.merge(form, tally, FormTally::plus));
            }
        }
    }

    private void count(List<FigureKeys.Key> keys, UnitNode unit, UnitTree tree, Map<String, Integer> counts) {
        for (FigureKeys.Key key : keys) {
            if (key.codes().stream().anyMatch(own::containsKey) && key.expects(unit, tree)) {
                counts.merge(key.code(), 1, Integer::sum);
            }
        }
    }

    /**
     * The unit's own standing on each form it owes: for each of the form's periods inside this cell's period, its
     * accepted report of that form and period, late or not. A form of a coarser period than the cell's is owed
     * nowhere in it (every owing unit then counts as reported, see {@link Completeness}).
     */
    private void countStandings(FigureKeys.Keys keys, UnitNode unit, UnitTree tree) {
        for (FigureKeys.Key key : keys.formKeys()) {
            ReportForm form = keys.forms().get(key.code());
            List<ReportingPeriod> owed = period.periodsOf(form.periodType());
            if (owed.isEmpty() || !key.expects(unit, tree)) {
                continue;
            }
            int received = 0;
            int late = 0;
            for (ReportingPeriod due : owed) {
                ReportsOwed.Standing standing = Completeness.standing(facts.values(), form.code(), due);
                received += standing == ReportsOwed.Standing.MISSING ? 0 : 1;
                late += standing == ReportsOwed.Standing.LATE ? 1 : 0;
            }
            if (received > 0) {
                standings.merge(form.code(), new FormTally(received == owed.size() ? 1 : 0, received, late), FormTally::plus);
            }
        }
    }

    /** Whether the subtree has any value or accepted owed report (a cell without either is not kept). */
    boolean holdsData() {
        return !valued.isEmpty() || !standings.isEmpty();
    }

    boolean stored() {
        return version >= 0;
    }

    boolean empty() {
        return facts.isEmpty() && events.isEmpty() && !holdsData();
    }
}
