package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.directive.units.Units;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.springframework.stereotype.Component;

/**
 * Checks a directive request as a whole — every unit it names open on the issue date, known indicators,
 * complete targets, implements links that exist and make no cycle — reporting every field at fault at once,
 * and turns it into content with the recipients its groups resolve to.
 */
@Component
class DirectiveContents {

    private final DirectiveRepository repository;
    private final Units units;
    private final DirectivesProperties properties;

    DirectiveContents(DirectiveRepository repository, Units units, DirectivesProperties properties) {
        this.repository = repository;
        this.units = units;
        this.properties = properties;
    }

    /** A request's content and the units its recipients resolve to on its issue date. */
    record Checked(DirectiveContent content, List<String> recipients) {
    }

    Checked checked(DirectiveRequest request, String selfId) {
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
            if (request.reportingDuty().allCadences().isEmpty()) {
                violations.add(new Violation("reportingDuty.cadences", "directive.no-cadence"));
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
        DirectiveContent content = content(request);
        return new Checked(content, resolveRecipients(content));
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
                        : new ReportingDuty(duty.allCadences(), duty.dueOffsetDays(), duty.reportToUnitId(), duty.viaUnitId()),
                list(request.distributionList()), request.validUntil());
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
