package org.danvan.reporting.duties;

import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.directive.ReportingDuty;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A directive's reporting duty as last issued: the units its recipients resolved to (who must report), its
 * cadences and due offset, whom it reports to and via whom. {@code directiveVersion} guards every write, so a
 * redelivered or older event never overwrites a newer one. A directive without a duty has no cadences; a revoked
 * one keeps the day its revocation takes effect ({@code revokedOn}).
 */
@Document("directive_duties")
record DutyDocument(
        @Id String directiveId,
        int directiveVersion,
        String number,
        String title,
        String issuerUnitId,
        LocalDate issuedOn,
        List<String> recipientUnitIds,
        List<ReportingDuty.Cadence> cadences,
        int dueOffsetDays,
        String reportToUnitId,
        String viaUnitId,
        LocalDate revokedOn,
        String lastEventId) {

    DutyDocument {
        recipientUnitIds = recipientUnitIds == null ? List.of() : List.copyOf(recipientUnitIds);
        cadences = cadences == null ? List.of() : List.copyOf(cadences);
    }
}
