package org.danvan.reporting.duties;

import java.util.ArrayList;
import java.util.List;

import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.reporting.aggregates.AggregateProblems;
import org.danvan.reporting.aggregates.ReportsOwed;
import org.danvan.reporting.aggregates.UnitScope;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.springframework.stereotype.Service;

/**
 * Completeness of a directive's reporting duty (DOMAIN §4): its recipients open in the period owe, for each of
 * its cadences, one report of the cadence's form per cadence period inside the period asked about and ending
 * on or after the issue date — and, for a revoked directive, before its revocation took effect — due
 * {@code dueOffsetDays} after that period ends.
 */
@Service
class DutyCompleteness {

    private final DirectiveDuties duties;
    private final ReportsOwed reportsOwed;
    private final UnitScope scope;
    private final DutiesProperties properties;

    DutyCompleteness(DirectiveDuties duties, ReportsOwed reportsOwed, UnitScope scope, DutiesProperties properties) {
        this.duties = duties;
        this.reportsOwed = reportsOwed;
        this.scope = scope;
        this.properties = properties;
    }

    DutyCompletenessView of(Caller caller, String directiveId, String periodText) {
        scope.requireRole(caller, UnitScope.READERS);
        DutyDocument duty = duties.find(directiveId).filter(d -> maySee(caller, d))
                .orElseThrow(() -> new NotFound("directive", directiveId));
        ReportingPeriod period = ReportingPeriod.parse(periodText).orElseThrow(() -> new AggregateProblems.BadPeriod(periodText));
        List<ReportsOwed.Owed> owed = owed(duty, period);
        ReportsOwed.Tally tally = reportsOwed.tally(duty.recipientUnitIds(), period, owed);
        List<ReportsOwed.UnitStanding> notReported = tally.units().stream().filter(u -> !u.complete())
                .map(u -> new ReportsOwed.UnitStanding(u.unitId(), u.code(), u.name(), u.level(), u.missing())).toList();
        return new DutyCompletenessView(duty.directiveId(), duty.number(), duty.title(), duty.issuerUnitId(),
                duty.reportToUnitId(), duty.viaUnitId(), duty.revokedOn(), period.toString(),
                owed.stream().map(DutyCompletenessView.Owed::of).toList(), tally.expectedUnits(), tally.reportedUnits(),
                tally.expectedReports(), tally.received(), tally.onTime(), tally.late(), tally.completeness(),
                tally.timeliness(), tally.units(), notReported);
    }

    /**
     * The issuer's side (its staff and those above it) follows its duties; the unit reports go via (the Ban Dân
     * vận) sees them too, and nothing else of the issuer's. Anyone else does not learn the duty exists.
     */
    private boolean maySee(Caller caller, DutyDocument duty) {
        boolean viaStaff = duty.viaUnitId() != null && duty.viaUnitId().equals(caller.unitId())
                && caller.hasAny(Roles.CADRE, Roles.REVIEWER);
        return viaStaff || scope.covers(caller, duty.issuerUnitId());
    }

    private List<ReportsOwed.Owed> owed(DutyDocument duty, ReportingPeriod period) {
        List<ReportsOwed.Owed> owed = new ArrayList<>();
        for (ReportingDuty.Cadence cadence : duty.cadences()) {
            for (ReportingPeriod p : period.periodsOf(PeriodType.valueOf(cadence.name()))) {
                // a duty does not reach back to periods over before the directive was issued, nor on past its revocation
                boolean afterIssue = duty.issuedOn() == null || !p.end().isBefore(duty.issuedOn());
                boolean beforeRevocation = duty.revokedOn() == null || p.end().isBefore(duty.revokedOn());
                if (afterIssue && beforeRevocation) {
                    owed.add(new ReportsOwed.Owed(properties.formOf(cadence), p, p.end().plusDays(duty.dueOffsetDays())));
                }
            }
        }
        return owed;
    }
}
