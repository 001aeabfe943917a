package org.danvan.feedback.cases;

import java.time.LocalDate;
import java.util.List;

import org.danvan.feedback.deadlines.Complexity;

/** A case as staff see it: citizens only by pseudonym. */
record CaseView(
        String id,
        String trackingCode,
        CaseKind kind,
        int round,
        CaseStatus status,
        List<String> allowedActions,
        String channel,
        String subject,
        String content,
        String areaUnitId,
        String responsibleUnitId,
        String filedWithUnitId,
        boolean overLevel,
        boolean prolonged,
        boolean anonymous,
        boolean remoteArea,
        Complexity complexity,
        LocalDate receivedOn,
        LocalDate acceptanceDueOn,
        LocalDate acceptedOn,
        LocalDate dueOn,
        LocalDate closedOn,
        boolean overdue,
        List<String> complainants,
        List<CaseDocument.Assignment> assignments,
        List<CaseDocument.Extension> extensions,
        List<CaseDocument.TimelineEntry> timeline,
        List<CaseDocument.RoadmapStep> roadmap,
        List<String> refusalReasons,
        CaseDocument.Resolution resolution,
        List<CaseDocument.Round> earlierRounds,
        String repeatOfCaseId,
        int repeats,
        String mergedIntoCaseId,
        List<String> mergedCaseIds,
        long version) {
}
