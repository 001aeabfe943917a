package org.danvan.directive.units;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** The ways a change to the unit tree can be refused. */
final class UnitProblems {

    private UnitProblems() {
    }

    static final class DuplicateUnit extends DanvanProblem {
        DuplicateUnit(String code) {
            super(HttpStatus.CONFLICT, "duplicate-unit", code);
        }
    }

    static final class ClosedUnit extends DanvanProblem {
        ClosedUnit(String code, Object on) {
            super(HttpStatus.CONFLICT, "unit-closed", code, on);
        }
    }

    static final class TreeCycle extends DanvanProblem {
        TreeCycle(String code, String parent) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "unit-cycle", code, parent);
        }
    }

    static final class ParentLevel extends DanvanProblem {
        ParentLevel(String code, String level, String parent, String parentLevel) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "unit-parent-level", code, level, parent, parentLevel);
        }
    }

    static final class DateOrder extends DanvanProblem {
        DateOrder(String code, Object date, Object earliest) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "unit-date-order", code, date, earliest);
        }
    }

    static final class UnknownValue extends DanvanProblem {
        UnknownValue(String field, String value, Object allowed) {
            super(HttpStatus.BAD_REQUEST, "unknown-value", field, value, allowed);
        }
    }
}
