package org.danvan.feedback.cases;

import java.time.LocalDate;
import java.util.List;

import org.danvan.feedback.deadlines.Complexity;
import org.danvan.feedback.deadlines.Deadlines;

/**
 * A case as staff see it: citizens only by pseudonym. {@code deadlinesProvisional}: its due dates were counted
 * across a year whose official holiday schedule is not loaded yet, so they may still move.
 */
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
        boolean deadlinesProvisional,
        List<String> complainants,
        List<Case.Assignment> assignments,
        List<Case.Extension> extensions,
        List<Case.TimelineEntry> timeline,
        List<Case.RoadmapStep> roadmap,
        List<String> refusalReasons,
        Case.Resolution resolution,
        List<Case.Round> earlierRounds,
        String repeatOfCaseId,
        int repeats,
        String mergedIntoCaseId,
        List<String> mergedCaseIds,
        long version) {

    static CaseView of(Case c, LocalDate today, int prolongedAfterDays, Deadlines deadlines) {
        LocalDate lastDue = c.dueOn != null ? c.dueOn : c.acceptanceDueOn;
        return new CaseView(c.id, c.trackingCode, c.kind, c.round, c.status,
                c.allowedActions().stream().map(CaseAction::wireName).toList(), c.channel, c.subject, c.content,
                c.areaUnitId, c.responsibleUnitId, c.filedWithUnitId, c.overLevel, c.prolonged(today, prolongedAfterDays),
                c.anonymous, c.remoteArea, c.complexity, c.receivedOn, c.acceptanceDueOn, c.acceptedOn, c.dueOn, c.closedOn,
                c.overdue(today), lastDue != null && deadlines.isProvisional(c.receivedOn, lastDue), c.complainants.stream().map(Case.Complainant::pseudonym).toList(), c.assignments,
                c.extensions, c.timeline, c.roadmap, c.refusalReasons, c.resolution, c.earlierRounds, c.repeatOfCaseId,
                c.repeats, c.mergedIntoCaseId, c.mergedCaseIds, c.storeVersion == null ? 0 : c.storeVersion);
    }
}
