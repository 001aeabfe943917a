package org.danvan.contracts.feedback;

import java.time.LocalDate;

/**
 * {@code danvan.case.reopened.v1}: the citizen was not satisfied. For a complaint this opens round 2 at the
 * next authority, with its own deadline.
 */
public record CaseReopened(String caseId, String kind, int round, String responsibleUnitId, LocalDate reopenedOn,
        LocalDate dueOn) {
}
