package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.danvan.reporting.aggregates.ReportsOwed.OwedReport;
import org.danvan.reporting.aggregates.ReportsOwed.Standing;
import org.danvan.reporting.aggregates.ReportsOwed.UnitStanding;
import org.danvan.reporting.forms.ReportingPeriod;

/**
 * Reports received against reports expected: every expected unit owes one report of the form for each of the
 * form's periods inside the period asked about (two halves in a year for a semiannual form). The counts are
 * the unit's cell's ({@link FigureCell#standings}); only the list of units still owing reads further down.
 */
final class Completeness {

    private Completeness() {
    }

    /**
     * @param expected the units below {@code unitId} that owe the form
     * @param owed     the form's periods inside {@code period}
     * @param tally    the subtree's standing on the form, from its cell
     */
    static CompletenessView of(String formCode, String formName, String unitId, ReportingPeriod period, int expected, List<ReportingPeriod> owed,
            FormTally tally, List<CompletenessView.Missing> missing) {
        int expectedReports = expected * owed.size();
        // a form owed nowhere in the period: every owing unit has reported all it owes
        int reported = owed.isEmpty() ? expected : tally.reported();
        int onTime = tally.received() - tally.late();
        return new CompletenessView(formCode, formName, unitId, period.toString(), expected, reported, expectedReports, tally.received(),
                onTime, tally.late(), percent(tally.received(), expectedReports), percent(onTime, expectedReports), missing);
    }

    /**
     * The units below {@code rootId} still owing: walks down only into subtrees whose cell counts fewer reported
     * units than owe the form, one read per depth; a subtree without a cell has no report at all. Nobody owes
     * a form of a coarser period than the one asked about.
     *
     * @param cellsOf the cells (with their facts' standings) of these units in the period, by unit id
     */
    static List<CompletenessView.Missing> owing(FigureKeys.Key form, List<ReportingPeriod> owed, String rootId, UnitTree tree,
            Function<Collection<String>, Map<String, FigureCell>> cellsOf) {
        if (owed.isEmpty()) {
            return List.of();
        }
        List<UnitNode> owing = new ArrayList<>();
        List<List<String>> missingPeriods = new ArrayList<>();
        List<String> frontier = List.of(rootId);
        while (!frontier.isEmpty()) {
            Map<String, FigureCell> found = cellsOf.apply(frontier);
            List<String> next = new ArrayList<>();
            for (String unitId : frontier) {
                FigureCell cell = found.get(unitId);
                if (cell == null) {
                    tree.expectedUnits(unitId, form.levels()).forEach(u -> {
                        owing.add(u);
                        missingPeriods.add(owed.stream().map(ReportingPeriod::toString).toList());
                    });
                    continue;
                }
                if (cell.standings.getOrDefault(form.code(), FormTally.NONE).reported() >= tree.expectedCount(unitId, form.levels())) {
                    continue;
                }
                UnitNode unit = tree.unit(unitId).orElseThrow();
                List<String> missing = owed.stream().filter(p -> standing(cell.facts.values(), form.code(), p) == Standing.MISSING)
                        .map(ReportingPeriod::toString).toList();
                if (form.expects(unit, tree) && !missing.isEmpty()) {
                    owing.add(unit);
                    missingPeriods.add(missing);
                }
                tree.children(unitId).forEach(child -> next.add(child.unitId()));
            }
            frontier = next;
        }
        List<CompletenessView.Missing> list = new ArrayList<>();
        for (int i = 0; i < owing.size(); i++) {
            UnitNode u = owing.get(i);
            list.add(new CompletenessView.Missing(u.unitId(), u.code(), u.name(), u.level(), missingPeriods.get(i)));
        }
        list.sort(Comparator.comparingInt(m -> tree.position(m.unitId())));
        return List.copyOf(list);
    }

    /** Where each unit stands on every owed report: the accepted report of that form and period, late or not, or none. */
    static List<UnitStanding> standings(List<UnitNode> units, List<ReportsOwed.Owed> owed,
            Map<String, List<AcceptedValues>> reportsByUnit) {
        List<UnitStanding> standings = new ArrayList<>();
        for (UnitNode unit : units) {
            List<AcceptedValues> reports = reportsByUnit.getOrDefault(unit.unitId(), List.of());
            List<OwedReport> owedReports = new ArrayList<>();
            for (ReportsOwed.Owed due : owed) {
                owedReports.add(new OwedReport(due.formCode(), due.period().toString(), due.dueOn(),
                        standing(reports, due.formCode(), due.period())));
            }
            standings.add(new UnitStanding(unit.unitId(), unit.code(), unit.name(), unit.level(), List.copyOf(owedReports)));
        }
        return standings;
    }

    /** The unit's accepted report of the form for exactly that period: on time, late, or none. */
    static Standing standing(Collection<AcceptedValues> reports, String formCode, ReportingPeriod period) {
        Optional<AcceptedValues> report = reports.stream()
                .filter(r -> r.formCode().equals(formCode) && r.period().equals(period)).findFirst();
        return report.isEmpty() ? Standing.MISSING : report.get().late() ? Standing.LATE : Standing.ON_TIME;
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), Aggregation.SCALE, RoundingMode.HALF_UP);
    }
}
