package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetSpec;

/** A directive as the API returns it. */
public record DirectiveView(
        String id,
        int version,
        DirectiveStatus status,
        String number,
        DirectiveKind kind,
        String title,
        String issuerUnitId,
        LocalDate issuedOn,
        List<String> recipientUnitIds,
        List<TargetSpec> targets,
        ReportingDuty reportingDuty) {
}
