package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.danvan.reporting.aggregates.ReportsOwed.OwedReport;
import org.danvan.reporting.aggregates.ReportsOwed.Standing;
import org.danvan.reporting.aggregates.ReportsOwed.UnitStanding;
import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportingPeriod;

/**
 * Reports received against reports expected: every expected unit owes one report of the form for each of the
 * form's periods inside the period asked about (two halves in a year for a semiannual form).
 */
final class Completeness {

    private Completeness() {
    }

    static CompletenessView of(String formCode, PeriodType formPeriods, String unitId, ReportingPeriod period,
            List<UnitNode> expectedUnits, Map<String, List<AcceptedValues>> reportsByUnit) {
        List<ReportsOwed.Owed> owed = period.periodsOf(formPeriods).stream()
                .map(p -> new ReportsOwed.Owed(formCode, p, null)).toList();
        ReportsOwed.Tally tally = ReportsOwed.Tally.of(standings(expectedUnits, owed, reportsByUnit));
        List<CompletenessView.Missing> missing = tally.units().stream().filter(u -> !u.complete())
                .map(u -> new CompletenessView.Missing(u.unitId(), u.code(), u.name(), u.level(),
                        u.missing().stream().map(OwedReport::period).toList()))
                .toList();
        return new CompletenessView(formCode, unitId, period.toString(), tally.expectedUnits(), tally.reportedUnits(),
                tally.expectedReports(), tally.received(), tally.onTime(), tally.late(), tally.completeness(),
                tally.timeliness(), missing);
    }

    /** Where each unit stands on every owed report: the accepted report of that form and period, late or not, or none. */
    static List<UnitStanding> standings(List<UnitNode> units, List<ReportsOwed.Owed> owed,
            Map<String, List<AcceptedValues>> reportsByUnit) {
        List<UnitStanding> standings = new ArrayList<>();
        for (UnitNode unit : units) {
            List<AcceptedValues> reports = reportsByUnit.getOrDefault(unit.unitId(), List.of());
            List<OwedReport> owedReports = new ArrayList<>();
            for (ReportsOwed.Owed due : owed) {
                Optional<AcceptedValues> report = reports.stream()
                        .filter(r -> r.formCode().equals(due.formCode()) && r.period().equals(due.period())).findFirst();
                Standing standing = report.isEmpty() ? Standing.MISSING : report.get().late() ? Standing.LATE : Standing.ON_TIME;
                owedReports.add(new OwedReport(due.formCode(), due.period().toString(), due.dueOn(), standing));
            }
            standings.add(new UnitStanding(unit.unitId(), unit.code(), unit.name(), unit.level(), List.copyOf(owedReports)));
        }
        return standings;
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), Aggregation.SCALE, RoundingMode.HALF_UP);
    }
}
