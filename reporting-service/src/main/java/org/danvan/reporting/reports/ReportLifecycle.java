package org.danvan.reporting.reports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * draft → submitted → returned | accepted; returned → submitted again; accepted → accepted (revised).
 * A returned report is edited before it is submitted again, so it accepts edits like a draft.
 */
final class ReportLifecycle {

    private static final Map<ReportStatus, List<ReportAction>> ALLOWED = new EnumMap<>(Map.of(
            ReportStatus.DRAFT, List.of(ReportAction.EDIT, ReportAction.SUBMIT),
            ReportStatus.SUBMITTED, List.of(ReportAction.RETURN, ReportAction.ACCEPT),
            ReportStatus.RETURNED, List.of(ReportAction.EDIT, ReportAction.SUBMIT),
            ReportStatus.ACCEPTED, List.of(ReportAction.REVISE)));

    private ReportLifecycle() {
    }

    static List<ReportAction> allowed(ReportStatus status) {
        return ALLOWED.get(status);
    }

    /** The status after {@code action}, or a 409 naming what the status allows. */
    static ReportStatus next(ReportStatus status, ReportAction action) {
        if (!allowed(status).contains(action)) {
            throw new ReportProblems.IllegalTransition(action, status, allowed(status));
        }
        return switch (action) {
            case EDIT -> status;
            case SUBMIT -> ReportStatus.SUBMITTED;
            case RETURN -> ReportStatus.RETURNED;
            case ACCEPT, REVISE -> ReportStatus.ACCEPTED;
        };
    }
}
