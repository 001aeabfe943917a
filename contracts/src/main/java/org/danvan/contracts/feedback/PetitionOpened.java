package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.petition.opened.v1}: a collective petition opened for signatures until {@code signingClosesOn}. */
public record PetitionOpened(String petitionId, String responsibleUnitId, LocalDate openedOn, LocalDate signingClosesOn) {
}
