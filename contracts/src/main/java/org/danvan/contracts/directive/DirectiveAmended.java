package org.danvan.contracts.directive;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code danvan.directive.amended.v1}: a new version of an issued directive. It carries the whole new
 * version (every field of {@link DirectiveIssued} with the same meaning) and what changed, so a consumer
 * that read the issued event replaces its copy with this one.
 */
public record DirectiveAmended(
        String directiveId,
        int version,
        String number,
        String kind,
        String title,
        String issuerUnitId,
        LocalDate issuedOn,
        List<String> recipientUnitIds,
        List<TargetSpec> targets,
        ReportingDuty reportingDuty,
        List<String> changes) {

    public DirectiveAmended {
        recipientUnitIds = recipientUnitIds == null ? List.of() : List.copyOf(recipientUnitIds);
        targets = targets == null ? List.of() : List.copyOf(targets);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
