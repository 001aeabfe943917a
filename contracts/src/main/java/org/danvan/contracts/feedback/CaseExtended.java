package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.extended.v1}: the resolution deadline moved from {@code previousDueOn} to {@code dueOn}. */
public record CaseExtended(String caseId, String kind, int round, String responsibleUnitId, int extension,
        LocalDate previousDueOn, LocalDate dueOn, LocalDate extendedOn) {
}
