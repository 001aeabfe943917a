package org.danvan.contracts.feedback;

import java.time.LocalDate;

/**
 * {@code danvan.case.explained.v1}: the matter cannot be resolved yet; the citizen got an explanation and a
 * roadmap of {@code roadmapSteps} dated steps ending on {@code roadmapEndsOn}.
 */
public record CaseExplained(String caseId, String kind, int round, String responsibleUnitId, LocalDate explainedOn,
        LocalDate dueOn, boolean onTime, int roadmapSteps, LocalDate roadmapEndsOn) {
}
