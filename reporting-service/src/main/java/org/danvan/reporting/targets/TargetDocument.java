package org.danvan.reporting.targets;

import java.util.List;

import org.danvan.contracts.directive.TargetSpec;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The targets of one directive as last issued, with its issuer and recipients, who decide who may see it.
 * {@code directiveVersion} guards every write, so a redelivered or older event never overwrites a newer one nor
 * is applied twice.
 */
@Document("directive_targets")
record TargetDocument(
        @Id String directiveId,
        int directiveVersion,
        String number,
        String title,
        String issuerUnitId,
        String lastEventId,
        List<String> recipients,
        List<TargetSpec> targets) {

    TargetDocument {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
