package org.danvan.contracts.reporting;

import java.util.List;

import org.danvan.contracts.Topic;

/** Topics written by reporting-service (and those it alone consumes from other systems). */
public final class ReportingContract {

    public static final String REPORT_ACCEPTED = "danvan.report.accepted.v1";

    /** Accepted reports and their audited revisions; each event carries the revision's whole values. */
    public static final Topic REPORTS = new Topic(
            "danvan.reports.v1", "reporting-service", "report id",
            List.of(REPORT_ACCEPTED), 6, false);

    /** Dead letters of reporting-service's consumers; the reason travels in the {@code x-exception-*} headers. */
    public static final Topic DEAD_LETTERS = new Topic(
            "danvan.reporting-service.dlq.v1", "reporting-service", "key of the rejected record",
            List.of(), 1, false);

    public static final List<Topic> TOPICS = List.of(REPORTS, DEAD_LETTERS);

    private ReportingContract() {
    }
}
