package org.danvan.contracts;

import java.util.List;
import java.util.Optional;

/** The registry of every topic on the platform; AsyncAPI and topic provisioning are checked against it. */
public final class Topics {

    public static final Topic DIRECTIVES = new Topic(
            "danvan.directives.v1", "directive-service", "directive id",
            List.of(EventTypes.DIRECTIVE_ISSUED), 3, false);

    /** Dead letters of reporting-service's consumers; the reason travels in the {@code x-exception-*} headers. */
    public static final Topic REPORTING_DEAD_LETTERS = new Topic(
            "danvan.reporting-service.dlq.v1", "reporting-service", "key of the rejected record",
            List.of(), 1, false);

    private static final List<Topic> ALL = List.of(DIRECTIVES, REPORTING_DEAD_LETTERS);

    private Topics() {
    }

    public static List<Topic> all() {
        return ALL;
    }

    public static Optional<Topic> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The one topic an event type is published to. */
    public static Topic forEventType(String eventType) {
        return ALL.stream().filter(t -> t.carries(eventType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + eventType));
    }
}
