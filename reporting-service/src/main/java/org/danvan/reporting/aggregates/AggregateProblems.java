package org.danvan.reporting.aggregates;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** The ways an aggregate request can be refused. */
public final class AggregateProblems {

    private AggregateProblems() {
    }

    /** The period is not a year, a half or a quarter. */
    public static final class BadPeriod extends DanvanProblem {
        public BadPeriod(String period) {
            super(HttpStatus.BAD_REQUEST, "aggregate-bad-period", String.valueOf(period));
        }
    }
}
