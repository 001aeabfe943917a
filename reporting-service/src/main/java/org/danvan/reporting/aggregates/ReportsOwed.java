package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.stereotype.Service;

/**
 * Completeness of reports owed by a chosen set of units, for features that decide who owes what (a
 * directive's reporting duty): the same counting as {@code /completeness}, over the units open in the period.
 */
@Service
public class ReportsOwed {

    private final FigureCells cells;
    private final UnitTrees trees;

    ReportsOwed(FigureCells cells, UnitTrees trees) {
        this.cells = cells;
        this.trees = trees;
    }

    /**
     * Where each of {@code unitIds} open during {@code period} stands on every report of {@code owed}; units not
     * open then (or not known from the unit topic) owe nothing.
     */
    public Tally tally(Collection<String> unitIds, ReportingPeriod period, List<Owed> owed) {
        UnitTree tree = trees.tree(period);
        List<UnitNode> open = new LinkedHashSet<>(unitIds).stream().map(tree::unit).flatMap(Optional::stream).toList();
        Set<String> ids = new LinkedHashSet<>();
        open.forEach(unit -> ids.add(unit.unitId()));
        Map<String, List<AcceptedValues>> reports = ids.isEmpty() ? Map.of() : cells.standings(ids, period);
        return Tally.of(Completeness.standings(open, owed, reports));
    }

    /** One report owed: a form for one period, due on {@code dueOn} (null when no duty sets a date). */
    public record Owed(String formCode, ReportingPeriod period, LocalDate dueOn) {
    }

    public enum Standing { ON_TIME, LATE, MISSING }

    public record OwedReport(String formCode, String period, LocalDate dueOn, Standing standing) {
    }

    /** One unit and where it stands on each report it owes. */
    public record UnitStanding(String unitId, String code, String name, String level, List<OwedReport> reports) {

        public boolean complete() {
            return reports.stream().noneMatch(r -> r.standing() == Standing.MISSING);
        }

        public List<OwedReport> missing() {
            return reports.stream().filter(r -> r.standing() == Standing.MISSING).toList();
        }
    }

    /**
     * @param reportedUnits   units with every owed report received
     * @param completeness    received / expected × 100, null when nothing is expected
     * @param timeliness      on time / expected × 100
     */
    public record Tally(int expectedUnits, int reportedUnits, int expectedReports, int received, int onTime, int late,
            BigDecimal completeness, BigDecimal timeliness, List<UnitStanding> units) {

        static Tally of(List<UnitStanding> units) {
            int expected = 0;
            int received = 0;
            int late = 0;
            for (UnitStanding unit : units) {
                for (OwedReport report : unit.reports()) {
                    expected++;
                    received += report.standing() == Standing.MISSING ? 0 : 1;
                    late += report.standing() == Standing.LATE ? 1 : 0;
                }
            }
            int reported = (int) units.stream().filter(UnitStanding::complete).count();
            return new Tally(units.size(), reported, expected, received, received - late, late,
                    Completeness.percent(received, expected), Completeness.percent(received - late, expected), List.copyOf(units));
        }
    }
}
