package org.danvan.support.aggregate;

import java.util.ArrayList;
import java.util.List;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Transient;

/**
 * An aggregate that records the events its steps cause. The events are not part of its state: {@link
 * AggregateWrites} appends them to the document's outbox in the same atomic write as the state, so a step
 * never rewrites (and so never resurrects) events the relay has already published.
 */
public abstract class AggregateRoot {

    @Transient
    private final List<OutboxEvent> recordedEvents = new ArrayList<>();

    protected final void record(OutboxEvent event) {
        recordedEvents.add(event);
    }

    /** The events recorded since the aggregate was last written, oldest first. */
    public final List<OutboxEvent> recordedEvents() {
        return List.copyOf(recordedEvents);
    }

    final void clearRecordedEvents() {
        recordedEvents.clear();
    }
}
