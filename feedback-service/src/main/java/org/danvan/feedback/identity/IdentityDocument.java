package org.danvan.feedback.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A sealed identity, kept apart from the case: AES-GCM ciphertext, its nonce and the id of the key used. */
@Document("identities")
record IdentityDocument(@Id String id, @Indexed String caseId, String keyId, byte[] nonce, byte[] ciphertext, Instant sealedAt) {
}
