package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.directive.DirectiveAcknowledged;
import org.danvan.contracts.directive.DirectiveAmended;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.DirectivePlanFiled;
import org.danvan.contracts.directive.DirectiveRevoked;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.directive.units.Units;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.text.VietnameseText;
import org.springframework.stereotype.Service;

/**
 * The lifecycle of directives: draft → issued → amended (every version kept) → revoked or superseded.
 * Issued directives are never edited in place. Every step is published as an event in the same document
 * write; a directive that implements another, issued by one of that directive's recipients, files that
 * recipient's implementing plan.
 */
@Service
public class Directives {

    private final DirectiveRepository repository;
    private final Units units;
    private final DirectivesProperties properties;
    private final MeterRegistry meters;

    Directives(DirectiveRepository repository, Units units, DirectivesProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.units = units;
        this.properties = properties;
        this.meters = meters;
    }

    public DirectiveView create(DirectiveRequest request) {
        DirectiveContent content = validated(request, null);
        if (repository.existsByContentIssuerUnitIdAndContentNumber(content.issuerUnitId(), content.number())) {
            throw new DirectiveProblems.DuplicateNumber(content.issuerUnitId(), content.number());
        }
        DirectiveDocument directive = new DirectiveDocument();
        directive.id = UUID.randomUUID().toString();
        directive.version = 1;
        directive.status = DirectiveStatus.DRAFT;
        setContent(directive, content);
        if (!Boolean.TRUE.equals(request.draft())) {
            issueNow(directive);
        }
        return repository.save(directive).view();
    }

    public DirectiveView updateDraft(String id, DirectiveRequest request, String ifMatch) {
        DirectiveDocument directive = load(id, ifMatch);
        requireStatus(directive, "edit", DirectiveStatus.DRAFT);
        setContent(directive, validated(request, id));
        return repository.save(directive).view();
    }

    public DirectiveView issue(String id, String ifMatch) {
        DirectiveDocument directive = load(id, ifMatch);
        requireStatus(directive, "issue", DirectiveStatus.DRAFT);
        issueNow(directive);
        return repository.save(directive).view();
    }

    /** A new version of an issued directive; the earlier one stays readable. */
    public DirectiveView amend(String id, DirectiveRequest request, List<String> changes, String ifMatch) {
        DirectiveDocument directive = load(id, ifMatch);
        requireStatus(directive, "amend", DirectiveStatus.ISSUED, DirectiveStatus.AMENDED);
        DirectiveContent content = validated(request, id);
        directive.earlierVersions.add(new DirectiveDocument.EarlierVersion(directive.version, directive.status,
                directive.content, directive.recipients, directive.changes));
        directive.version++;
        directive.status = DirectiveStatus.AMENDED;
        setContent(directive, content);
        directive.changes = List.copyOf(changes);
        directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_AMENDED, id, new DirectiveAmended(id,
                directive.version, content.number(), content.kind().name(), content.title(), content.issuerUnitId(),
                content.issuedOn(), directive.recipients, content.targets(), content.reportingDuty(), changes)));
        meters.counter("danvan.directives.amended").increment();
        return repository.save(directive).view();
    }

    /** Revokes a directive, or with {@code supersededBy} records that another directive replaced it. */
    public DirectiveView end(String id, LocalDate effectiveOn, String reason, String supersededBy, String ifMatch) {
        DirectiveDocument directive = load(id, ifMatch);
        requireStatus(directive, supersededBy == null ? "revoke" : "supersede", DirectiveStatus.ISSUED, DirectiveStatus.AMENDED);
        if (supersededBy != null) {
            find(supersededBy);
        }
        directive.status = supersededBy == null ? DirectiveStatus.REVOKED : DirectiveStatus.SUPERSEDED;
        directive.endedOn = effectiveOn;
        directive.endReason = reason;
        directive.supersededBy = supersededBy;
        directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_REVOKED, id,
                new DirectiveRevoked(id, directive.version, effectiveOn, reason, supersededBy)));
        return repository.save(directive).view();
    }

    /**
     * Marks in-force directives whose {@code validUntil} has passed as expired, each with a revoked event
     * (reason {@code expired}); returns how many expired.
     */
    public int expire(LocalDate today) {
        int expired = 0;
        for (DirectiveDocument directive : repository.findByStatusInAndContentValidUntilBefore(
                List.of(DirectiveStatus.ISSUED, DirectiveStatus.AMENDED), today)) {
            LocalDate effectiveOn = directive.content.validUntil().plusDays(1);
            directive.status = DirectiveStatus.EXPIRED;
            directive.endedOn = effectiveOn;
            directive.endReason = "expired";
            directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_REVOKED, directive.id,
                    new DirectiveRevoked(directive.id, directive.version, effectiveOn, "expired", null)));
            repository.save(directive);
            expired++;
        }
        return expired;
    }

    /** A recipient acknowledges; acknowledging again changes nothing. */
    public DirectiveView acknowledge(String id, String unitId, LocalDate on) {
        DirectiveDocument directive = find(id);
        requireStatus(directive, "acknowledge", DirectiveStatus.ISSUED, DirectiveStatus.AMENDED);
        if (!directive.recipients.contains(unitId)) {
            throw new DirectiveProblems.NotRecipient(unitId, directive.content.number());
        }
        if (directive.acknowledgements.putIfAbsent(unitId, on) == null) {
            directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_ACKNOWLEDGED, id,
                    new DirectiveAcknowledged(id, unitId, on)));
            meters.counter("danvan.directives.acknowledged").increment();
            return repository.save(directive).view();
        }
        return directive.view();
    }

    public DirectiveView get(String id) {
        return find(id).view();
    }

    /** Every version, oldest first, the current one last. */
    public List<DirectiveView> versions(String id) {
        DirectiveDocument directive = find(id);
        List<DirectiveView> versions = new ArrayList<>();
        for (DirectiveDocument.EarlierVersion earlier : directive.earlierVersions) {
            versions.add(new DirectiveView(id, earlier.version(), earlier.status(), earlier.content(),
                    earlier.recipients(), earlier.changes(), null, null, null, directive.storeVersion));
        }
        versions.add(directive.view());
        return versions;
    }

    /** The implementing plans filed for a directive: issued directives implementing it, by issuing recipient. */
    Map<String, DirectiveDocument> plansOf(DirectiveDocument directive) {
        Map<String, DirectiveDocument> plans = new java.util.HashMap<>();
        for (DirectiveDocument plan : repository.findByContentImplementsDirectiveIdsContainingAndStatusNot(directive.id,
                DirectiveStatus.DRAFT)) {
            if (directive.recipients.contains(plan.content.issuerUnitId())) {
                plans.merge(plan.content.issuerUnitId(), plan,
                        (a, b) -> a.content.issuedOn().isBefore(b.content.issuedOn()) ? a : b);
            }
        }
        return plans;
    }

    DirectiveDocument find(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("directive", id));
    }

    private void issueNow(DirectiveDocument directive) {
        DirectiveContent content = directive.content;
        directive.status = DirectiveStatus.ISSUED;
        directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_ISSUED, directive.id, new DirectiveIssued(
                directive.id, directive.version, content.number(), content.kind().name(), content.title(),
                content.issuerUnitId(), content.issuedOn(), directive.recipients, content.targets(), content.reportingDuty())));
        // issuing a plan for a directive this issuer received files that plan, atomically with the issue
        for (String parentId : content.implementsDirectiveIds()) {
            repository.findById(parentId)
                    .filter(parent -> parent.recipients.contains(content.issuerUnitId()))
                    .ifPresent(parent -> {
                        directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_PLAN_FILED, parentId,
                                new DirectivePlanFiled(parentId, content.issuerUnitId(), directive.id, content.issuedOn())));
                        meters.counter("danvan.directives.plans.filed").increment();
                    });
        }
        meters.counter("danvan.directives.issued").increment();
    }

    private DirectiveContent validated(DirectiveRequest request, String selfId) {
        List<Violation> violations = new ArrayList<>();
        LocalDate on = request.issuedOn();
        Set<String> named = new LinkedHashSet<>();
        named.add(request.issuerUnitId());
        named.addAll(list(request.recipientUnitIds()));
        if (request.reportingDuty() != null) {
            named.add(request.reportingDuty().reportToUnitId());
            if (request.reportingDuty().viaUnitId() != null) {
                named.add(request.reportingDuty().viaUnitId());
            }
        }
        list(request.tasks()).forEach(task -> {
            named.addAll(list(task.assigneeUnitIds()));
            named.addAll(list(task.coordinatingUnitIds()));
            if (task.leadUnitId() != null) {
                named.add(task.leadUnitId());
            }
        });
        Set<String> open = units.openAmong(named, on);
        if (!open.contains(request.issuerUnitId())) {
            violations.add(new Violation("issuerUnitId", "directive.unknown-unit", request.issuerUnitId(), on));
        }
        List<String> recipients = list(request.recipientUnitIds());
        for (int i = 0; i < recipients.size(); i++) {
            if (!open.contains(recipients.get(i))) {
                violations.add(new Violation("recipientUnitIds[" + i + "]", "directive.unknown-unit", recipients.get(i), on));
            }
        }
        if (recipients.isEmpty() && list(request.recipientGroups()).isEmpty()) {
            violations.add(new Violation("recipientUnitIds", "directive.no-recipients"));
        }
        if (request.reportingDuty() != null) {
            if (!open.contains(request.reportingDuty().reportToUnitId())) {
                violations.add(new Violation("reportingDuty.reportToUnitId", "directive.unknown-unit",
                        request.reportingDuty().reportToUnitId(), on));
            }
            if (request.reportingDuty().viaUnitId() != null && !open.contains(request.reportingDuty().viaUnitId())) {
                violations.add(new Violation("reportingDuty.viaUnitId", "directive.unknown-unit",
                        request.reportingDuty().viaUnitId(), on));
            }
        }
        List<DirectiveRequest.TaskRequest> tasks = list(request.tasks());
        Set<Integer> taskNumbers = new java.util.HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            DirectiveRequest.TaskRequest task = tasks.get(i);
            if (!taskNumbers.add(task.number())) {
                violations.add(new Violation("tasks[" + i + "].number", "directive.duplicate-task", task.number()));
            }
            if (task.leadUnitId() != null && !open.contains(task.leadUnitId())) {
                violations.add(new Violation("tasks[" + i + "].leadUnitId", "directive.unknown-unit", task.leadUnitId(), on));
            }
            List<String> coordinating = list(task.coordinatingUnitIds());
            for (int c = 0; c < coordinating.size(); c++) {
                if (!open.contains(coordinating.get(c))) {
                    violations.add(new Violation("tasks[" + i + "].coordinatingUnitIds[" + c + "]", "directive.unknown-unit",
                            coordinating.get(c), on));
                }
            }
        }
        List<DirectiveRequest.TargetRequest> targets = request.targets();
        for (int i = 0; i < targets.size(); i++) {
            DirectiveRequest.TargetRequest target = targets.get(i);
            if (!properties.indicatorCodes().contains(target.indicatorCode())) {
                violations.add(new Violation("targets[" + i + "].indicatorCode", "directive.unknown-indicator",
                        target.indicatorCode()));
            }
            if (target.comparator() == TargetSpec.Comparator.BETWEEN
                    && (target.upperThreshold() == null || target.upperThreshold().compareTo(target.threshold()) < 0)) {
                violations.add(new Violation("targets[" + i + "].upperThreshold", "directive.range-needs-upper"));
            }
            if (target.period().type() != TargetPeriod.Type.EVERY_YEAR && target.period().to() == null) {
                violations.add(new Violation("targets[" + i + "].period.to", "directive.period-needs-end"));
            }
        }
        List<String> parents = list(request.implementsDirectiveIds());
        for (int i = 0; i < parents.size(); i++) {
            String parent = parents.get(i);
            if (parent.equals(selfId) || (selfId != null && implementsTransitively(parent, selfId))) {
                violations.add(new Violation("implementsDirectiveIds[" + i + "]", "directive.implements-cycle", parent));
            } else if (!repository.existsById(parent)) {
                violations.add(new Violation("implementsDirectiveIds[" + i + "]", "directive.unknown-directive", parent));
            }
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.issuedOn())) {
            violations.add(new Violation("validUntil", "directive.valid-until-before-issue", request.issuedOn()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return content(request);
    }

    /** Whether {@code from} implements {@code target} through a chain of implements links. */
    private boolean implementsTransitively(String from, String target) {
        Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (current.equals(target)) {
                return true;
            }
            if (seen.add(current)) {
                repository.findById(current).ifPresent(d -> todo.addAll(d.content.implementsDirectiveIds()));
            }
        }
        return false;
    }

    private void setContent(DirectiveDocument directive, DirectiveContent content) {
        directive.content = content;
        directive.recipients = resolveRecipients(content);
        directive.searchText = VietnameseText.fold(content.number() + " " + content.title() + " "
                + (content.focusTheme() == null ? "" : content.focusTheme()));
    }

    private List<String> resolveRecipients(DirectiveContent content) {
        Set<String> recipients = new LinkedHashSet<>(content.recipientUnitIds());
        for (DirectiveRequest.RecipientGroup group : content.recipientGroups()) {
            recipients.addAll(units.openOfKindAndLevelWithin(content.issuerUnitId(), group.kind(), group.level(), content.issuedOn()));
        }
        recipients.remove(content.issuerUnitId());
        return List.copyOf(recipients);
    }

    private static DirectiveContent content(DirectiveRequest request) {
        List<TargetSpec> targets = new ArrayList<>();
        for (int i = 0; i < request.targets().size(); i++) {
            DirectiveRequest.TargetRequest t = request.targets().get(i);
            targets.add(new TargetSpec("T" + (i + 1), t.indicatorCode(), t.comparator(), t.threshold(), t.upperThreshold(),
                    t.unit(), t.levels(), t.unitKinds(), new TargetPeriod(t.period().type(), t.period().from(), t.period().to()),
                    t.description()));
        }
        List<DirectiveContent.Task> tasks = list(request.tasks()).stream().map(t -> new DirectiveContent.Task(t.number(),
                t.text(), list(t.assigneeGroups()), list(t.assigneeUnitIds()), t.leadUnitId(), list(t.coordinatingUnitIds()),
                t.dueOn())).toList();
        DirectiveRequest.DutyRequest duty = request.reportingDuty();
        return new DirectiveContent(request.number(), request.kind(), request.title(), request.focusTheme(),
                request.issuerUnitId(), request.issuedOn(), request.place(), request.signer(), request.signerTitle(),
                request.body(), list(request.implementsDirectiveIds()), list(request.recipientUnitIds()),
                list(request.recipientGroups()), tasks, targets, duty == null ? null
                        : new ReportingDuty(duty.cadence(), duty.dueOffsetDays(), duty.reportToUnitId(), duty.viaUnitId()),
                request.validUntil());
    }

    private DirectiveDocument load(String id, String ifMatch) {
        DirectiveDocument directive = find(id);
        PreconditionFailedException.check(ifMatch, directive.storeVersion);
        return directive;
    }

    private static void requireStatus(DirectiveDocument directive, String action, DirectiveStatus... allowed) {
        if (!List.of(allowed).contains(directive.status)) {
            throw new DirectiveProblems.IllegalTransition(action, directive.status, allowedActions(directive.status));
        }
    }

    /** What the lifecycle allows from a status, for the 409 that names them. */
    static List<String> allowedActions(DirectiveStatus status) {
        return switch (status) {
            case DRAFT -> List.of("edit", "issue");
            case ISSUED, AMENDED -> List.of("amend", "revoke", "supersede", "acknowledge");
            case REVOKED, SUPERSEDED, EXPIRED -> List.of();
        };
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
