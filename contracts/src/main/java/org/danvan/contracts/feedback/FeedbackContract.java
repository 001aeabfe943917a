package org.danvan.contracts.feedback;

import java.util.List;

import org.danvan.contracts.Topic;

/** Topics written by feedback-service, and the intake topic other portals write for it. */
public final class FeedbackContract {

    public static final String CASE_RECEIVED = "danvan.case.received.v1";
    public static final String CASE_ACCEPTED = "danvan.case.accepted.v1";
    public static final String CASE_REFUSED = "danvan.case.refused.v1";
    public static final String CASE_ASSIGNED = "danvan.case.assigned.v1";
    public static final String CASE_EXTENDED = "danvan.case.extended.v1";
    public static final String CASE_RESOLVED = "danvan.case.resolved.v1";
    public static final String CASE_EXPLAINED = "danvan.case.explained.v1";
    public static final String CASE_REOPENED = "danvan.case.reopened.v1";
    public static final String CASE_OVERDUE = "danvan.case.overdue.v1";
    public static final String CASE_MERGED = "danvan.case.merged.v1";
    public static final String CASE_CLOSED = "danvan.case.closed.v1";
    public static final String PETITION_OPENED = "danvan.petition.opened.v1";
    public static final String PETITION_THRESHOLD_REACHED = "danvan.petition.threshold-reached.v1";
    public static final String PETITION_CLOSED = "danvan.petition.closed.v1";
    public static final String SESSION_HELD = "danvan.session.held.v1";
    public static final String COMMITMENT_DUE = "danvan.commitment.due.v1";
    public static final String COMMITMENT_FULFILLED = "danvan.commitment.fulfilled.v1";
    /** Written by other portals: a case filed with them, to be handled here. */
    public static final String CASE_SUBMITTED = "danvan.case.submitted.v1";

    /** Every step of every case; never the content, never a citizen's identity. */
    public static final Topic CASES = new Topic(
            "danvan.cases.v1", "feedback-service", "case id",
            List.of(CASE_RECEIVED, CASE_ACCEPTED, CASE_REFUSED, CASE_ASSIGNED, CASE_EXTENDED, CASE_RESOLVED,
                    CASE_EXPLAINED, CASE_REOPENED, CASE_OVERDUE, CASE_MERGED, CASE_CLOSED),
            6, false);

    /** Collective petitions: counts and duties, never a signer's data. */
    public static final Topic PETITIONS = new Topic(
            "danvan.petitions.v1", "feedback-service", "petition id",
            List.of(PETITION_OPENED, PETITION_THRESHOLD_REACHED, PETITION_CLOSED), 3, false);

    /** Citizen-reception days and dialogue conferences, and the follow-up of their commitments. */
    public static final Topic SESSIONS = new Topic(
            "danvan.sessions.v1", "feedback-service", "session id",
            List.of(SESSION_HELD, COMMITMENT_DUE, COMMITMENT_FULFILLED), 3, false);

    /** Cases other systems file; feedback-service turns each sender's event into one case. */
    public static final Topic CASE_INTAKE = new Topic(
            "danvan.case-intake.v1", "external-portals", "the sender's own case id",
            List.of(CASE_SUBMITTED), 3, false);

    /** Dead letters of feedback-service's consumers; the reason travels in the {@code x-exception-*} headers. */
    public static final Topic DEAD_LETTERS = new Topic(
            "danvan.feedback-service.dlq.v1", "feedback-service", "key of the rejected record",
            List.of(), 1, false, Topic.DEAD_LETTER_RETENTION);

    public static final List<Topic> TOPICS = List.of(CASES, PETITIONS, SESSIONS, CASE_INTAKE, DEAD_LETTERS);

    private FeedbackContract() {
    }
}
