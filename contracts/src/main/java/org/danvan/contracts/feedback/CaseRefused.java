package org.danvan.contracts.feedback;

import java.time.LocalDate;
import java.util.List;

/** {@code danvan.case.refused.v1}: the case was not taken up, for the reasons given (codes, never free text). */
public record CaseRefused(String caseId, String kind, int round, String responsibleUnitId, LocalDate refusedOn,
        List<String> reasonCodes) {

    public CaseRefused {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
