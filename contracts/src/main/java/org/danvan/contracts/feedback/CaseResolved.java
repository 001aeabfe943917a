package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.resolved.v1}: a decision or answer was given; {@code onTime} compares it with {@code dueOn}. */
public record CaseResolved(String caseId, String kind, int round, String responsibleUnitId, LocalDate resolvedOn,
        LocalDate dueOn, boolean onTime) {
}
