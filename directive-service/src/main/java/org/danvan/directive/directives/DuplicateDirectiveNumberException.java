package org.danvan.directive.directives;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** A directive number is unique per issuer. */
class DuplicateDirectiveNumberException extends DanvanProblem {

    DuplicateDirectiveNumberException(String issuerUnitId, String number) {
        super(HttpStatus.CONFLICT, "duplicate-directive-number", number, issuerUnitId);
    }
}
