package org.danvan.feedback.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The audit trail of identity reads, append-only. */
@Document("identity_access_log")
record IdentityAccessDocument(@Id String id, @Indexed String caseId, String reader, String readerUnitId, Instant at,
        String purpose, boolean granted) {
}
