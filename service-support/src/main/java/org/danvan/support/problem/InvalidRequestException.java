package org.danvan.support.problem;

import java.util.List;

/**
 * A request that passed the annotations but breaks a domain rule (an unknown unit, a cycle...). Carries
 * every violation so the caller can fix them all at once; rendered as a 400 validation problem.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One field at fault with the message code (in {@code danvan-problems}) that explains it. */
    public record Violation(String field, String messageCode, Object... arguments) {
    }
}
