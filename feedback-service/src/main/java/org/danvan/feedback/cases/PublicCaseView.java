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
        List<CaseDocument.RoadmapStep> roadmap,
        String resolution) {

    record Entry(Instant at, String action, CaseStatus status, String note) {
    }
}
