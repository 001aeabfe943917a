package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.overdue.v1}: a deadline ({@code ACCEPTANCE} or {@code RESOLUTION}) passed; once per breach. */
public record CaseOverdue(String caseId, String kind, int round, String responsibleUnitId, String deadline,
        LocalDate dueOn, LocalDate detectedOn) {
}
