package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.ConflictException;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the steps of {@link Directive}: load it, let it take the step, write the step — state and events —
 * in one versioned write ({@link AggregateWrites}), so concurrent steps on one directive end in a 409 for
 * all but one instead of overwriting each other.
 */
@Service
public class Directives {

    private static final Logger log = LoggerFactory.getLogger(Directives.class);

    private final DirectiveRepository repository;
    private final DirectiveContents contents;
    private final AggregateWrites writes;
    private final MeterRegistry meters;

    Directives(DirectiveRepository repository, DirectiveContents contents, AggregateWrites writes, MeterRegistry meters) {
        this.repository = repository;
        this.contents = contents;
        this.writes = writes;
        this.meters = meters;
    }

    public DirectiveView create(DirectiveRequest request) {
        DirectiveContents.Checked checked = contents.checked(request, null);
        if (repository.existsByContentIssuerUnitIdAndContentNumber(checked.content().issuerUnitId(), checked.content().number())) {
            throw new DirectiveProblems.DuplicateNumber(checked.content().issuerUnitId(), checked.content().number());
        }
        Directive directive = Directive.draft(UUID.randomUUID().toString(), checked.content(), checked.recipients());
        if (!Boolean.TRUE.equals(request.draft())) {
            issue(directive);
        }
        return writes.insert(directive).view();
    }

    public DirectiveView updateDraft(String id, DirectiveRequest request, String ifMatch) {
        Directive directive = load(id, ifMatch);
        // refuse the step before checking the content it would set
        DirectiveLifecycle.next(directive.status, DirectiveAction.EDIT);
        DirectiveContents.Checked checked = contents.checked(request, id);
        directive.edit(checked.content(), checked.recipients());
        return writes.update(directive).view();
    }

    public DirectiveView issue(String id, String ifMatch) {
        Directive directive = load(id, ifMatch);
        issue(directive);
        return writes.update(directive).view();
    }

    /** A new version of an issued directive; the earlier one stays readable. */
    public DirectiveView amend(String id, DirectiveRequest request, List<String> changes, String ifMatch) {
        Directive directive = load(id, ifMatch);
        DirectiveLifecycle.next(directive.status, DirectiveAction.AMEND);
        DirectiveContents.Checked checked = contents.checked(request, id);
        directive.amend(checked.content(), checked.recipients(), changes);
        DirectiveView view = writes.update(directive).view();
        meters.counter("danvan.directives.amended").increment();
        return view;
    }

    /** Revokes a directive, or with {@code supersededBy} records that another directive replaced it. */
    public DirectiveView end(String id, LocalDate effectiveOn, String reason, String supersededBy, String ifMatch) {
        Directive directive = load(id, ifMatch);
        DirectiveLifecycle.next(directive.status, supersededBy == null ? DirectiveAction.REVOKE : DirectiveAction.SUPERSEDE);
        if (supersededBy != null) {
            find(supersededBy);
        }
        directive.end(effectiveOn, reason, supersededBy);
        return writes.update(directive).view();
    }

    /**
     * Marks in-force directives whose {@code validUntil} has passed as expired, each with a revoked event
     * (reason {@code expired}); returns how many expired.
     */
    public int expire(LocalDate today) {
        int expired = 0;
        for (Directive directive : repository.findByStatusInAndContentValidUntilBefore(
                List.of(DirectiveStatus.ISSUED, DirectiveStatus.AMENDED), today)) {
            directive.expire();
            try {
                writes.update(directive);
                expired++;
            } catch (ConflictException e) {
                // changed since it was read: the next run reads it again and expires it if it is still in force
                log.info("directive {} changed while expiring; left for the next run", directive.id);
            }
        }
        return expired;
    }

    /** A recipient acknowledges; acknowledging again changes nothing. */
    public DirectiveView acknowledge(String id, String unitId, LocalDate on) {
        Directive directive = find(id);
        if (!directive.acknowledge(unitId, on)) {
            return directive.view();
        }
        DirectiveView view = writes.update(directive).view();
        meters.counter("danvan.directives.acknowledged").increment();
        return view;
    }

    public DirectiveView get(String id) {
        return find(id).view();
    }

    /** Every version, oldest first, the current one last. */
    public List<DirectiveView> versions(String id) {
        Directive directive = find(id);
        List<DirectiveView> versions = new ArrayList<>();
        for (Directive.EarlierVersion earlier : directive.earlierVersions) {
            versions.add(new DirectiveView(id, earlier.version(), earlier.status(), earlier.content(),
                    earlier.recipients(), earlier.changes(), null, null, null, directive.storeVersion));
        }
        versions.add(directive.view());
        return versions;
    }

    /** The implementing plans filed for a directive: issued directives implementing it, by issuing recipient. */
    Map<String, Directive> plansOf(Directive directive) {
        Map<String, Directive> plans = new HashMap<>();
        for (Directive plan : repository.findByContentImplementsDirectiveIdsContainingAndStatusNot(directive.id,
                DirectiveStatus.DRAFT)) {
            if (directive.recipients.contains(plan.content.issuerUnitId())) {
                plans.merge(plan.content.issuerUnitId(), plan,
                        (a, b) -> a.content.issuedOn().isBefore(b.content.issuedOn()) ? a : b);
            }
        }
        return plans;
    }

    Directive find(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("directive", id));
    }

    private void issue(Directive directive) {
        int plansFiled = directive.issue(repository.findAllById(directive.content.implementsDirectiveIds()));
        meters.counter("danvan.directives.plans.filed").increment(plansFiled);
        meters.counter("danvan.directives.issued").increment();
    }

    private Directive load(String id, String ifMatch) {
        Directive directive = find(id);
        PreconditionFailedException.check(ifMatch, directive.storeVersion);
        return directive;
    }
}
