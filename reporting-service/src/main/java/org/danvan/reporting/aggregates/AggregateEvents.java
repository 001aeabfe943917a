package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.InvalidEventException;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.contracts.unit.UnitClosed;
import org.danvan.contracts.unit.UnitRegistered;
import org.springframework.stereotype.Component;

/**
 * Feeds the running totals from the report topic and the unit tree from the unit topic; every event carries a
 * whole state.
 */
@Component
class AggregateEvents {

    private final AggregateStore store;
    private final UnitTrees trees;
    private final RunningTotals totals;
    private final MeterRegistry meters;

    AggregateEvents(AggregateStore store, UnitTrees trees, RunningTotals totals, MeterRegistry meters) {
        this.store = store;
        this.trees = trees;
        this.totals = totals;
        this.meters = meters;
    }

    /** A batch of records from the report topic: its accepted revisions go into the totals in one recompute. */
    void consumeReports(List<CloudEvent> events) {
        List<AcceptedValues> accepted = new ArrayList<>();
        for (CloudEvent event : events) {
            if (ReportingContract.REPORT_ACCEPTED.equals(event.type())) {
                accepted.add(values(EventJson.read(event.data(), ReportAccepted.class)));
            }
        }
        Set<String> fresh = accepted.isEmpty() ? Set.of() : totals.acceptReports(accepted);
        int i = 0;
        for (CloudEvent event : events) {
            if (!ReportingContract.REPORT_ACCEPTED.equals(event.type())) {
                count(event, "ignored");
                continue;
            }
            AcceptedValues report = accepted.get(i++);
            count(event, fresh.contains(report.reportId() + "#" + report.revision()) ? "applied" : "duplicate");
        }
    }

    /** Refuses an accepted report whose period or values the totals cannot read, before its batch is applied. */
    static void requireValid(CloudEvent event) {
        if (ReportingContract.REPORT_ACCEPTED.equals(event.type())) {
            values(EventJson.read(event.data(), ReportAccepted.class));
        }
    }

    static AcceptedValues values(ReportAccepted accepted) {
        ReportingPeriod period = ReportingPeriod.parse(accepted.period())
                .orElseThrow(() -> new InvalidEventException(List.of("period '" + accepted.period() + "' is not a period")));
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, Boolean> answers = new LinkedHashMap<>();
        accepted.values().forEach((code, reported) -> {
            Object value = reported == null ? null : reported.value();
            if (value instanceof Boolean answer) {
                answers.put(code, answer);
            } else if (value instanceof Number number) {
                numbers.put(code, new BigDecimal(number.toString()));
            } else if (value != null) {
                throw new InvalidEventException(List.of("value of " + code + " is neither a number nor true/false"));
            }
        });
        return new AcceptedValues(accepted.reportId(), accepted.revision(), accepted.formCode(), accepted.unitId(), period,
                numbers, answers, accepted.late(), accepted.acceptedOn());
    }

    /** A batch of records from the unit topic: each stored, then the chains they change recomputed once. */
    void consumeUnits(List<CloudEvent> events) {
        List<UnitNode> before = new ArrayList<>();
        List<UnitNode> after = new ArrayList<>();
        for (CloudEvent event : events) {
            UnitTreeDocument unit = unit(event);
            if (unit == null) {
                count(event, "ignored");
                continue;
            }
            AggregateStore.UnitWrite write = store.applyUnit(event.id(), unit);
            write.stamps().ifPresent(s -> trees.applied(unit.node(), s.before(), s.after()));
            if (write.before() != null) {
                before.add(write.before());
            }
            after.add(unit.node());
            count(event, write.stamps().isPresent() ? "applied" : "duplicate");
        }
        // a redelivered event recomputes too: the totals of a move cut short by a crash are finished here
        if (!after.isEmpty()) {
            totals.unitsChanged(before, after);
        }
    }

    private static UnitTreeDocument unit(CloudEvent event) {
        return switch (event.type()) {
            case DirectiveContract.UNIT_REGISTERED -> {
                UnitRegistered u = EventJson.read(event.data(), UnitRegistered.class);
                yield new UnitTreeDocument(u.unitId(), u.version(), u.code(), u.name(), u.kind(), u.level(), u.openedOn(),
                        null, u.parents(), null, event.id());
            }
            case DirectiveContract.UNIT_CHANGED -> {
                UnitChanged u = EventJson.read(event.data(), UnitChanged.class);
                yield new UnitTreeDocument(u.unitId(), u.version(), u.code(), u.name(), u.kind(), u.level(), u.openedOn(),
                        u.closedOn(), u.parents(), null, event.id());
            }
            case DirectiveContract.UNIT_CLOSED -> {
                UnitClosed u = EventJson.read(event.data(), UnitClosed.class);
                yield new UnitTreeDocument(u.unitId(), u.version(), u.code(), u.name(), u.kind(), u.level(), u.openedOn(),
                        u.closedOn(), u.parents(), u.successorUnitId(), event.id());
            }
            default -> null;
        };
    }

    private void count(CloudEvent event, String outcome) {
        meters.counter("danvan.events.consumed", "type", event.type(), "outcome", outcome).increment();
    }
}
