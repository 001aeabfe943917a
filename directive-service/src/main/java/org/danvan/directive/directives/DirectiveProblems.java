package org.danvan.directive.directives;

import java.util.List;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** The ways a directive change can be refused. */
final class DirectiveProblems {

    private DirectiveProblems() {
    }

    /** A directive number is unique per issuer. */
    static final class DuplicateNumber extends DanvanProblem {
        DuplicateNumber(String issuerUnitId, String number) {
            super(HttpStatus.CONFLICT, "duplicate-directive-number", number, issuerUnitId);
        }
    }

    /** The lifecycle does not allow this step from the directive's status. */
    static final class IllegalTransition extends DanvanProblem {
        IllegalTransition(DirectiveAction action, DirectiveStatus status, List<DirectiveAction> allowed) {
            this(action.slug(), status, allowed.stream().map(DirectiveAction::slug).toList());
        }

        private IllegalTransition(String action, DirectiveStatus status, List<String> allowed) {
            super(HttpStatus.CONFLICT, "directive-illegal-transition", action, status, allowed);
            getBody().setProperty("allowed", allowed);
        }
    }

    /** Only a recipient can acknowledge a directive. */
    static final class NotRecipient extends DanvanProblem {
        NotRecipient(String unitId, String number) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "directive-not-recipient", unitId, number);
        }
    }
}
