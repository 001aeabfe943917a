package org.danvan.feedback.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;

/** Who takes a step and when, on the business clock; the timeline notes both. */
record Actor(String subject, Instant at, LocalDate today) {

    static Actor of(String subject, Clock clock) {
        return new Actor(subject, clock.instant(), LocalDate.now(clock));
    }

    /** The day a step happened: given (never before the case's earlier step) or today. */
    LocalDate on(LocalDate given, LocalDate notBefore) {
        LocalDate on = given == null ? today : given;
        if (notBefore != null && on.isBefore(notBefore)) {
            throw new InvalidRequestException(List.of(new Violation("on", "case.step-before-previous", notBefore)));
        }
        return on;
    }
}
