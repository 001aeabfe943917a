package org.danvan.contracts.feedback;

import java.time.LocalDate;

/** {@code danvan.case.closed.v1}: handling ended with {@code outcome} (RESOLVED, EXPLAINED, REFUSED, MERGED, WITHDRAWN). */
public record CaseClosed(String caseId, String kind, int round, String responsibleUnitId, LocalDate closedOn,
        String outcome) {
}
