package org.danvan.support.problem;

import java.util.List;

/**
 * A request that passed the annotations but breaks a domain rule (an unknown unit, a cycle...). Carries
 * every violation so the caller can fix them all at once; rendered as a 400 validation problem.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Readable without the message bundle, e.g. as a dead letter's reason. */
    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.messageCode() + " " + java.util.Arrays.toString(v.arguments()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One field at fault with the message code (in {@code danvan-problems}) that explains it. */
    public record Violation(String field, String messageCode, Object... arguments) {
    }
}
