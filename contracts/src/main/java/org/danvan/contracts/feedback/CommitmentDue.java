package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.commitment.due.v1}: a commitment made at a session reached its due date unfulfilled; once. */
public record CommitmentDue(String sessionId, int commitment, String responsibleUnitId, LocalDate dueOn, LocalDate detectedOn) {
}
