package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.merged.v1}: the case is handled as part of {@code intoCaseId}, which now has {@code complainants}. */
public record CaseMerged(String caseId, String kind, String responsibleUnitId, String intoCaseId, LocalDate mergedOn,
        int complainants) {
}
