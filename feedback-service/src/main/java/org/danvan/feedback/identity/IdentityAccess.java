package org.danvan.feedback.identity;

import java.time.Instant;

/** One attempt to read a case's identities: who, when, why, and whether it was allowed. */
public record IdentityAccess(String caseId, String reader, String readerUnitId, Instant at, String purpose, boolean granted) {
}
