package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetSpec;

/**
 * The content of one version of a directive, as stored and as returned. {@code distributionList} ("Nơi nhận")
 * is who gets a copy for information; unlike the recipients it creates no duty.
 */
public record DirectiveContent(
        String number,
        DirectiveKind kind,
        String title,
        String focusTheme,
        String issuerUnitId,
        LocalDate issuedOn,
        String place,
        String signer,
        String signerTitle,
        String body,
        List<String> implementsDirectiveIds,
        List<String> recipientUnitIds,
        List<DirectiveRequest.RecipientGroup> recipientGroups,
        List<Task> tasks,
        List<TargetSpec> targets,
        ReportingDuty reportingDuty,
        List<String> distributionList,
        LocalDate validUntil) {

    public DirectiveContent {
        distributionList = distributionList == null ? List.of() : List.copyOf(distributionList);
    }

    /** A numbered task: who does it (groups and units), who leads, who coordinates, by when. */
    public record Task(int number, String text, List<DirectiveRequest.RecipientGroup> assigneeGroups,
            List<String> assigneeUnitIds, String leadUnitId, List<String> coordinatingUnitIds, LocalDate dueOn) {
    }
}
