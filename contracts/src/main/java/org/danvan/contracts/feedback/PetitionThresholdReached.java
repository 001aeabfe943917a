package org.danvan.contracts.feedback;

import java.time.LocalDate;

/**
 * {@code danvan.petition.threshold-reached.v1}: the petition reached {@code threshold} signatures, which
 * creates a duty ({@code WRITTEN_RESPONSE} or {@code DIALOGUE_SESSION}) due on {@code dueOn}.
 */
public record PetitionThresholdReached(String petitionId, String responsibleUnitId, int threshold, int signatures,
        String duty, LocalDate reachedOn, LocalDate dueOn) {
}
