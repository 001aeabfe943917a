package org.danvan.feedback.cases;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.feedback.deadlines.DeadlineStep;
import org.springframework.stereotype.Component;

/** The case counters: received by kind and channel, resolved on time or not, deadlines newly overdue. */
@Component
class CaseMetrics {

    private final MeterRegistry meters;

    CaseMetrics(MeterRegistry meters) {
        this.meters = meters;
        // every series exists from the start, at zero, so dashboards and rates see the first case too
        for (CaseKind kind : CaseKind.values()) {
            for (String channel : List.of("WEB", "COUNTER", "POST", "RECEPTION_SESSION", "INTAKE")) {
                meters.counter("danvan.cases.received", "kind", kind.name(), "channel", channel);
            }
            for (String onTime : List.of("true", "false")) {
                meters.counter("danvan.cases.resolved", "kind", kind.name(), "on_time", onTime);
            }
            for (DeadlineStep deadline : DeadlineStep.values()) {
                meters.counter("danvan.cases.overdue.detected", "kind", kind.name(), "deadline", deadline.name());
            }
        }
    }

    void received(Case c) {
        meters.counter("danvan.cases.received", "kind", c.kind.name(), "channel", c.channel).increment();
    }

    void resolved(Case c, boolean onTime) {
        meters.counter("danvan.cases.resolved", "kind", c.kind.name(), "on_time", String.valueOf(onTime)).increment();
    }

    void overdue(Case c, DeadlineStep deadline) {
        meters.counter("danvan.cases.overdue.detected", "kind", c.kind.name(), "deadline", deadline.name()).increment();
    }
}
