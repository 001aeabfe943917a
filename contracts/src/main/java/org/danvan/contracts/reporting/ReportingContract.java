package org.danvan.contracts.reporting;

import java.util.List;

import org.danvan.contracts.Topic;

/** Topics written by reporting-service (and those it alone consumes from other systems). */
public final class ReportingContract {

    public static final String REPORT_ACCEPTED = "danvan.report.accepted.v1";
    public static final String REPORT_OVERDUE = "danvan.report.overdue.v1";
    public static final String TARGET_ATTAINMENT_CHANGED = "danvan.target.attainment-changed.v1";
    public static final String MEMBERSHIP_ENROLLED = "danvan.membership.enrolled.v1";
    public static final String MEMBERSHIP_LEFT = "danvan.membership.left.v1";
    public static final String MEMBERSHIP_SNAPSHOT = "danvan.membership.snapshot.v1";

    /** Accepted reports and their audited revisions; each event carries the revision's whole values. */
    public static final Topic REPORTS = new Topic(
            "danvan.reports.v1", "reporting-service", "report id",
            List.of(REPORT_ACCEPTED), 6, false);

    /** Reports whose due date passed without an accepted report, once per (form, unit, period). */
    public static final Topic REPORT_DEADLINES = new Topic(
            "danvan.report-deadlines.v1", "reporting-service", "form code:unit id:period",
            List.of(REPORT_OVERDUE), 3, false);

    /** Changes of a unit's (or a whole scope's) attainment of a directive's target for a period. */
    public static final Topic ATTAINMENT = new Topic(
            "danvan.attainment.v1", "reporting-service", "directive id:target id",
            List.of(TARGET_ATTAINMENT_CHANGED), 3, false);

    /**
     * Written by the mass organisations' member registries (outside danvan), consumed by reporting-service:
     * enrolments, departures and snapshots of a branch's members, by pseudonym or as counts.
     */
    public static final Topic MEMBERSHIP = new Topic(
            "danvan.membership.v1", "external-registries", "unit id",
            List.of(MEMBERSHIP_ENROLLED, MEMBERSHIP_LEFT, MEMBERSHIP_SNAPSHOT), 6, false);

    /** Dead letters of reporting-service's consumers; the reason travels in the {@code x-exception-*} headers. */
    public static final Topic DEAD_LETTERS = new Topic(
            "danvan.reporting-service.dlq.v1", "reporting-service", "key of the rejected record",
            List.of(), 1, false, Topic.DEAD_LETTER_RETENTION);

    public static final List<Topic> TOPICS = List.of(REPORTS, REPORT_DEADLINES, ATTAINMENT, MEMBERSHIP, DEAD_LETTERS);

    private ReportingContract() {
    }
}
