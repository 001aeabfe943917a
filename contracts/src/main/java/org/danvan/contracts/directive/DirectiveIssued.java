package org.danvan.contracts.directive;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code danvan.directive.issued.v1}: a directive came into force with its targets and reporting duty.
 * Carries the full state a consumer needs, so the topic alone rebuilds every directive's targets.
 */
public record DirectiveIssued(
        String directiveId,
        int version,
        String number,
        String kind,
        String title,
        String issuerUnitId,
        LocalDate issuedOn,
        List<String> recipientUnitIds,
        List<TargetSpec> targets,
        ReportingDuty reportingDuty) {

    public DirectiveIssued {
        recipientUnitIds = recipientUnitIds == null ? List.of() : List.copyOf(recipientUnitIds);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
