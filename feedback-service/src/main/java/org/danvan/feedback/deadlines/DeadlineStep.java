package org.danvan.feedback.deadlines;

/** The two deadlines of a case: deciding whether to take it up, and resolving it. */
public enum DeadlineStep {
    ACCEPTANCE,
    RESOLUTION
}
