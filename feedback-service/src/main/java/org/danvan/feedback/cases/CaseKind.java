package org.danvan.feedback.cases;

/**
 * The kinds of citizen filing, each with its own legal path. An anonymous denunciation cannot be handled
 * as a denunciation (Law on Denunciations art. 25): it is recorded as {@code INFORMATION}.
 */
public enum CaseKind {
    COMPLAINT,
    DENUNCIATION,
    RECOMMENDATION,
    REFLECTION,
    INFORMATION;

    /** Whether the filer's identity is secret by law. */
    boolean confidential() {
        return this == DENUNCIATION;
    }
}
