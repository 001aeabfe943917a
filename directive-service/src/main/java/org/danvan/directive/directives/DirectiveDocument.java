package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** Persistence form of a directive; its pending events ride in {@code outbox} in the same document write. */
@Document("directives")
class DirectiveDocument {

    @Id
    String id;
    @Version
    Long revision;
    int version;
    DirectiveStatus status;
    String number;
    DirectiveKind kind;
    String title;
    String issuerUnitId;
    LocalDate issuedOn;
    List<String> recipientUnitIds = new ArrayList<>();
    List<TargetSpec> targets = new ArrayList<>();
    ReportingDuty reportingDuty;
    List<OutboxEvent> outbox = new ArrayList<>();

    DirectiveView view() {
        return new DirectiveView(id, version, status, number, kind, title, issuerUnitId, issuedOn,
                List.copyOf(recipientUnitIds), List.copyOf(targets), reportingDuty);
    }
}
