package org.danvan.reporting.aggregates;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** The ways an aggregate request can be refused. */
final class AggregateProblems {

    private AggregateProblems() {
    }

    /** The period is not a year, a half or a quarter. */
    static final class BadPeriod extends DanvanProblem {
        BadPeriod(String period) {
            super(HttpStatus.BAD_REQUEST, "aggregate-bad-period", String.valueOf(period));
        }
    }
}
