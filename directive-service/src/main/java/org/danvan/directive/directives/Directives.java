package org.danvan.directive.directives;

import org.danvan.contracts.directive.DirectiveContract;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.EventTypes;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.problem.ResourceNotFoundException;
import org.springframework.stereotype.Service;

/** Issuing and reading directives. */
@Service
public class Directives {

    private final DirectiveRepository repository;
    private final Counter issued;

    Directives(DirectiveRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.issued = Counter.builder("danvan.directives.issued").description("Directives issued").register(meters);
    }

    /** Stores the directive as issued, with its {@code issued} event in the same document write. */
    public DirectiveView issue(DirectiveRequest request) {
        if (repository.existsByIssuerUnitIdAndNumber(request.issuerUnitId(), request.number())) {
            throw new DuplicateDirectiveNumberException(request.issuerUnitId(), request.number());
        }
        DirectiveDocument directive = new DirectiveDocument();
        directive.id = UUID.randomUUID().toString();
        directive.version = 1;
        directive.status = DirectiveStatus.ISSUED;
        directive.number = request.number();
        directive.kind = request.kind();
        directive.title = request.title();
        directive.issuerUnitId = request.issuerUnitId();
        directive.issuedOn = request.issuedOn();
        directive.recipientUnitIds = request.recipientUnitIds() == null ? List.of() : List.copyOf(request.recipientUnitIds());
        directive.targets = numberedTargets(request.targets());
        directive.reportingDuty = request.reportingDuty() == null ? null : new ReportingDuty(
                request.reportingDuty().cadence(), request.reportingDuty().dueOffsetDays(),
                request.reportingDuty().reportToUnitId(), request.reportingDuty().viaUnitId());
        directive.outbox.add(OutboxEvent.of(DirectiveContract.DIRECTIVE_ISSUED, directive.id, issuedEvent(directive)));
        DirectiveView view = repository.save(directive).view();
        issued.increment();
        return view;
    }

    public DirectiveView get(String id) {
        return repository.findById(id).map(DirectiveDocument::view)
                .orElseThrow(() -> new ResourceNotFoundException("directive", id));
    }

    private static List<TargetSpec> numberedTargets(List<DirectiveRequest.TargetRequest> targets) {
        return java.util.stream.IntStream.range(0, targets.size()).mapToObj(i -> {
            DirectiveRequest.TargetRequest t = targets.get(i);
            return new TargetSpec("T" + (i + 1), t.indicatorCode(), t.comparator(), t.threshold(), t.upperThreshold(),
                    t.unit(), t.levels(), t.unitKinds(),
                    new TargetPeriod(t.period().type(), t.period().from(), t.period().to()), t.description());
        }).toList();
    }

    private static DirectiveIssued issuedEvent(DirectiveDocument d) {
        return new DirectiveIssued(d.id, d.version, d.number, d.kind.name(), d.title, d.issuerUnitId, d.issuedOn,
                d.recipientUnitIds, d.targets, d.reportingDuty);
    }
}
