package org.danvan.reporting.duties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.danvan.reporting.aggregates.ReportsOwed;

/**
 * Who has reported on a directive's duty for a period.
 *
 * @param revokedOn       the day the directive's revocation took effect (nothing is owed for periods ending then or later), or null
 * @param owed            the reports each recipient owes in the period: a form per cadence period, with its due date
 * @param expectedUnits   the recipients open in the period
 * @param reportedUnits   recipients with every owed report received
 * @param expectedReports one per expected unit and owed report
 * @param completeness    received / expected × 100, null when nothing is expected
 * @param timeliness      on time / expected × 100
 * @param units           every expected unit with where it stands on each owed report
 * @param notReported     the units still owing reports, with only those reports
 */
public record DutyCompletenessView(String directiveId, String number, String title, String issuerUnitId,
        String reportToUnitId, String viaUnitId, LocalDate revokedOn, String period, List<Owed> owed, int expectedUnits,
        int reportedUnits, int expectedReports, int receivedReports, int onTime, int late, BigDecimal completeness,
        BigDecimal timeliness, List<ReportsOwed.UnitStanding> units, List<ReportsOwed.UnitStanding> notReported) {

    /** One report every recipient owes: the cadence's form for one period, due on {@code dueOn}. */
    public record Owed(String formCode, String period, LocalDate dueOn) {

        static Owed of(ReportsOwed.Owed owed) {
            return new Owed(owed.formCode(), owed.period().toString(), owed.dueOn());
        }
    }
}
