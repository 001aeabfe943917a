package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.contracts.directive.DirectiveAcknowledged;
import org.danvan.contracts.directive.DirectiveAmended;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.DirectivePlanFiled;
import org.danvan.contracts.directive.DirectiveRevoked;
import org.danvan.support.aggregate.AggregateRoot;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.text.VietnameseText;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A directive: the current version's content, every earlier version, the acknowledgements of its
 * recipients. Each step checks {@link DirectiveLifecycle}, changes the state and records its event;
 * {@code AggregateWrites} stores both in one versioned write.
 */
@Document("directives")
class Directive extends AggregateRoot {

    @Id
    String id;
    @Version
    Long storeVersion;
    int version;
    DirectiveStatus status;
    DirectiveContent content;
    /** Number and title without diacritics, for search. */
    String searchText;
    /** The units the recipients resolved to on the issue date. */
    List<String> recipients = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<EarlierVersion> earlierVersions = new ArrayList<>();
    Map<String, LocalDate> acknowledgements = new LinkedHashMap<>();
    LocalDate endedOn;
    String endReason;
    String supersededBy;

    /** A version replaced by an amendment, kept as it was. */
    record EarlierVersion(int version, DirectiveStatus status, DirectiveContent content, List<String> recipients,
            List<String> changes) {
    }

    /** A new draft; {@code recipients} are the units its recipients resolve to on its issue date. */
    static Directive draft(String id, DirectiveContent content, List<String> recipients) {
        Directive directive = new Directive();
        directive.id = id;
        directive.version = 1;
        directive.status = DirectiveStatus.DRAFT;
        directive.setContent(content, recipients);
        return directive;
    }

    void edit(DirectiveContent newContent, List<String> newRecipients) {
        status = DirectiveLifecycle.next(status, DirectiveAction.EDIT);
        setContent(newContent, newRecipients);
    }

    /**
     * Issues the directive. Issuing a plan for a directive its issuer received files that plan, in the same
     * write: one plan-filed event for each of {@code implemented} that lists the issuer as a recipient.
     *
     * @return how many plans this filed
     */
    int issue(List<Directive> implemented) {
        status = DirectiveLifecycle.next(status, DirectiveAction.ISSUE);
        record(OutboxEvent.of(DirectiveContract.DIRECTIVE_ISSUED, id, new DirectiveIssued(id, version, content.number(),
                content.kind().name(), content.title(), content.issuerUnitId(), content.issuedOn(), recipients,
                content.targets(), content.reportingDuty())));
        int filed = 0;
        for (Directive parent : implemented) {
            if (parent.recipients.contains(content.issuerUnitId())) {
                record(OutboxEvent.of(DirectiveContract.DIRECTIVE_PLAN_FILED, parent.id,
                        new DirectivePlanFiled(parent.id, content.issuerUnitId(), id, content.issuedOn())));
                filed++;
            }
        }
        return filed;
    }

    /** A new version; the one it replaces stays readable. */
    void amend(DirectiveContent newContent, List<String> newRecipients, List<String> newChanges) {
        DirectiveStatus next = DirectiveLifecycle.next(status, DirectiveAction.AMEND);
        earlierVersions.add(new EarlierVersion(version, status, content, recipients, changes));
        version++;
        status = next;
        setContent(newContent, newRecipients);
        changes = List.copyOf(newChanges);
        record(OutboxEvent.of(DirectiveContract.DIRECTIVE_AMENDED, id, new DirectiveAmended(id, version,
                content.number(), content.kind().name(), content.title(), content.issuerUnitId(), content.issuedOn(),
                recipients, content.targets(), content.reportingDuty(), changes)));
    }

    /** Revokes the directive, or with {@code by} records that that directive superseded it. */
    void end(LocalDate effectiveOn, String reason, String by) {
        status = DirectiveLifecycle.next(status, by == null ? DirectiveAction.REVOKE : DirectiveAction.SUPERSEDE);
        supersededBy = by;
        ended(effectiveOn, reason);
    }

    /** Its {@code validUntil} has passed: it ends the day after, with a revoked event (reason {@code expired}). */
    void expire() {
        status = DirectiveLifecycle.next(status, DirectiveAction.EXPIRE);
        ended(content.validUntil().plusDays(1), "expired");
    }

    /** A recipient acknowledges; returns false, recording nothing, when it already had. */
    boolean acknowledge(String unitId, LocalDate on) {
        DirectiveLifecycle.next(status, DirectiveAction.ACKNOWLEDGE);
        if (!recipients.contains(unitId)) {
            throw new DirectiveProblems.NotRecipient(unitId, content.number());
        }
        if (acknowledgements.putIfAbsent(unitId, on) != null) {
            return false;
        }
        record(OutboxEvent.of(DirectiveContract.DIRECTIVE_ACKNOWLEDGED, id, new DirectiveAcknowledged(id, unitId, on)));
        return true;
    }

    private void ended(LocalDate effectiveOn, String reason) {
        endedOn = effectiveOn;
        endReason = reason;
        record(OutboxEvent.of(DirectiveContract.DIRECTIVE_REVOKED, id,
                new DirectiveRevoked(id, version, effectiveOn, reason, supersededBy)));
    }

    private void setContent(DirectiveContent newContent, List<String> newRecipients) {
        content = newContent;
        recipients = List.copyOf(newRecipients);
        searchText = VietnameseText.fold(content.number() + " " + content.title() + " "
                + (content.focusTheme() == null ? "" : content.focusTheme()));
    }

    DirectiveView view() {
        return new DirectiveView(id, version, status, content, List.copyOf(recipients), List.copyOf(changes), endedOn,
                endReason, supersededBy, storeVersion == null ? 0 : storeVersion);
    }
}
