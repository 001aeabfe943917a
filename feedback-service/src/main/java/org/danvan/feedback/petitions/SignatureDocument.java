package org.danvan.feedback.petitions;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's signature. The id is the petition id and a keyed HMAC of the normalised ID number, so a
 * person can sign a petition once and the ID number itself is never stored (a bare hash of a 12-digit
 * number could be reversed by trying them all). {@code source} is a keyed HMAC of the signing address.
 */
@Document("petition_signatures")
record SignatureDocument(@Id String id, @Indexed String petitionId, String name, boolean paper, String sheetRef,
        String source, Instant signedAt) {
}
