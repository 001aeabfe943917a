package org.danvan.feedback.cases;

public enum CaseStatus {
    RECEIVED,
    ACCEPTED,
    REFUSED,
    ASSIGNED,
    IN_PROGRESS,
    RESOLVED,
    /** Not resolvable yet: explained to the citizen with a dated roadmap. Never a silent close. */
    EXPLAINED,
    CLOSED,
    /** Handled as part of another case. */
    MERGED;

    boolean open() {
        return this == RECEIVED || this == ACCEPTED || this == ASSIGNED || this == IN_PROGRESS;
    }
}
