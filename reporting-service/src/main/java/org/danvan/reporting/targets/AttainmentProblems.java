package org.danvan.reporting.targets;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** The ways an attainment request can be refused. */
final class AttainmentProblems {

    private AttainmentProblems() {
    }

    /** The period is not a year, a half or a quarter. */
    static final class BadPeriod extends DanvanProblem {
        BadPeriod(String period) {
            super(HttpStatus.BAD_REQUEST, "attainment-bad-period", String.valueOf(period));
        }
    }

    /** No period, or more than one call may judge. */
    static final class PeriodCount extends DanvanProblem {
        PeriodCount(int asked, int most) {
            super(HttpStatus.BAD_REQUEST, "attainment-period-count", asked, most);
        }
    }
}
