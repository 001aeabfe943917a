package org.danvan.contracts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.reporting.ReportingContract;

/**
 * The registry of every topic on the platform, gathered from each service's contract class; AsyncAPI and
 * topic provisioning are checked against it.
 */
public final class Topics {

    private static final List<Topic> ALL = Stream.of(DirectiveContract.TOPICS, FeedbackContract.TOPICS,
            ReportingContract.TOPICS).flatMap(List::stream).toList();

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
