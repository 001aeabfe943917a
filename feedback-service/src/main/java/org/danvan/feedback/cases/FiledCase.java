package org.danvan.feedback.cases;

/** The answer to a filing: the tracking code and the secret, shown once, with which the citizen follows it. */
record FiledCase(String id, String trackingCode, String trackingSecret, CaseKind kind, CaseStatus status,
        java.time.LocalDate acceptanceDueOn) {
}
