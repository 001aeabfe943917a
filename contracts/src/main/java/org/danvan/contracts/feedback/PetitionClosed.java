package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.petition.closed.v1}: signing ended (and perhaps answered); the counts stay. */
public record PetitionClosed(String petitionId, String responsibleUnitId, LocalDate closedOn, int signatures,
        int onlineSignatures, int paperSignatures, boolean answered) {
}
