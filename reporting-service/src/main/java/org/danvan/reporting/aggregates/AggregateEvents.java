package org.danvan.reporting.aggregates;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.contracts.unit.UnitClosed;
import org.danvan.contracts.unit.UnitRegistered;
import org.springframework.stereotype.Component;

/** Feeds the aggregate store from the report topic and the unit topic; every event carries a whole state. */
@Component
class AggregateEvents {

    private final AggregateStore store;
    private final MeterRegistry meters;

    AggregateEvents(AggregateStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    void consumeReport(CloudEvent event) {
        String outcome = "ignored";
        if (ReportingContract.REPORT_ACCEPTED.equals(event.type())) {
            outcome = outcome(store.applyReport(event.id(), EventJson.read(event.data(), ReportAccepted.class)));
        }
        count(event, outcome);
    }

    void consumeUnit(CloudEvent event) {
        UnitTreeDocument unit = switch (event.type()) {
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
        count(event, unit == null ? "ignored" : outcome(store.applyUnit(event.id(), unit)));
    }

    private static String outcome(boolean applied) {
        return applied ? "applied" : "duplicate";
    }

    private void count(CloudEvent event, String outcome) {
        meters.counter("danvan.events.consumed", "type", event.type(), "outcome", outcome).increment();
    }
}
