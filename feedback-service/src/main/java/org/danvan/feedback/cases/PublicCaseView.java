package org.danvan.feedback.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the citizen reads with the tracking code and secret: the public timeline, no internal notes. */
record PublicCaseView(
        String trackingCode,
        CaseKind kind,
        int round,
        CaseStatus status,
        String subject,
        LocalDate receivedOn,
        LocalDate dueOn,
        List<Entry> timeline,
        List<Case.RoadmapStep> roadmap,
        String resolution) {

    static PublicCaseView of(Case c) {
        return new PublicCaseView(c.trackingCode, c.kind, c.round, c.status, c.subject, c.receivedOn, c.currentDue(),
                c.timeline.stream().filter(Case.TimelineEntry::visibleToCitizen)
                        .map(e -> new Entry(e.at(), e.action(), e.status(), e.note())).toList(),
                c.roadmap, c.resolution == null ? null : c.resolution.summary());
    }

    record Entry(Instant at, String action, CaseStatus status, String note) {
    }
}
