package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.commitment.fulfilled.v1}: a commitment made at a session was kept; {@code onTime} against its due date. */
public record CommitmentFulfilled(String sessionId, int commitment, String responsibleUnitId, LocalDate dueOn,
        LocalDate fulfilledOn, boolean onTime) {
}
