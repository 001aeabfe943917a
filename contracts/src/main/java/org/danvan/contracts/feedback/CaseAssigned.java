package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.assigned.v1}: the case went to a (new) responsible unit; {@code previousUnitId} had it before. */
public record CaseAssigned(String caseId, String kind, int round, String responsibleUnitId, String previousUnitId,
        LocalDate assignedOn) {
}
