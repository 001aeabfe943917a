package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        List<ReportingPeriod> due = period.periodsOf(formPeriods);
        int received = 0;
        int late = 0;
        int complete = 0;
        List<CompletenessView.Missing> missing = new ArrayList<>();
        for (UnitNode unit : expectedUnits) {
            List<AcceptedValues> reports = reportsByUnit.getOrDefault(unit.unitId(), List.of()).stream()
                    .filter(r -> r.formCode().equals(formCode)).toList();
            List<String> missingPeriods = new ArrayList<>();
            for (ReportingPeriod p : due) {
                Optional<AcceptedValues> report = reports.stream().filter(r -> r.period().equals(p)).findFirst();
                if (report.isEmpty()) {
                    missingPeriods.add(p.toString());
                    continue;
                }
                received++;
                if (report.get().late()) {
                    late++;
                }
            }
            if (missingPeriods.isEmpty()) {
                complete++;
            } else {
                missing.add(new CompletenessView.Missing(unit.unitId(), unit.code(), unit.name(), unit.level(), missingPeriods));
            }
        }
        int expectedReports = expectedUnits.size() * due.size();
        return new CompletenessView(formCode, unitId, period.toString(), expectedUnits.size(), complete,
                expectedReports, received, received - late, late, percent(received, expectedReports),
                percent(received - late, expectedReports), missing);
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), Aggregation.SCALE, RoundingMode.HALF_UP);
    }
}
