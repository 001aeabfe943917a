package org.danvan.reporting.reports;

/** Where a report is in its lifecycle; an accepted report is locked and only changes by audited revision. */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED
}
