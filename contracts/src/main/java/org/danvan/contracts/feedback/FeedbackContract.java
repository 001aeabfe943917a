package org.danvan.contracts.feedback;

import java.util.List;

import org.danvan.contracts.Topic;

/** Topics written by feedback-service (and those it alone consumes from other systems). */
public final class FeedbackContract {

    public static final List<Topic> TOPICS = List.of();

    private FeedbackContract() {
    }
}
