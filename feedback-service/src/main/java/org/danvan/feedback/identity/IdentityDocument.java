package org.danvan.feedback.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sealed identity, kept apart from the case: AES-GCM ciphertext, its nonce and the id of the key used, and the
 * keyed digest of the person, the only link between one person's filings (never shown on a case or an event).
 */
@Document("identities")
record IdentityDocument(@Id String id, @Indexed String caseId, String keyId, byte[] nonce, byte[] ciphertext, Instant sealedAt,
        @Indexed String personDigest) {
}
