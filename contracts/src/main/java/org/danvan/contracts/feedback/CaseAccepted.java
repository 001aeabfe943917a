package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.accepted.v1}: the responsible unit took the case up; it must be resolved by {@code dueOn}. */
public record CaseAccepted(String caseId, String kind, int round, String responsibleUnitId, LocalDate acceptedOn,
        LocalDate dueOn) {
}
