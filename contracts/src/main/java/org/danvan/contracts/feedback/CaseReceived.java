package org.danvan.contracts.feedback;

import java.time.LocalDate;

/**
 * {@code danvan.case.received.v1}: a case was filed. {@code overLevel}: filed with a unit above the one
 * responsible; {@code repeatOfCaseId}: the same matter was filed before (a prolonged matter).
 */
public record CaseReceived(
        String caseId,
        String kind,
        int round,
        String channel,
        String areaUnitId,
        String responsibleUnitId,
        String filedWithUnitId,
        LocalDate receivedOn,
        LocalDate acceptanceDueOn,
        boolean anonymous,
        boolean overLevel,
        String repeatOfCaseId) {
}
