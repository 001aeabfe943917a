package org.danvan.feedback.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.EventJson;
import org.danvan.support.text.VietnameseText;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Keeps citizens' identities apart from their cases, encrypted with AES-GCM (the case id is the additional
 * authenticated data, so a ciphertext cannot be moved to another case). Everything outside this vault
 * knows a person only by a keyed pseudonym. Every read is written to the audit trail before the identity
 * is decrypted, including refused attempts.
 */
@Service
public class IdentityVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate mongo;
    private final IdentityProperties properties;
    private final Map<String, SecretKey> keys;
    private final SecretKeySpec pseudonymKey;
    private final SecureRandom random = new SecureRandom();
    private final MeterRegistry meters;
    private final Clock clock;

    IdentityVault(MongoTemplate mongo, IdentityProperties properties, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.keys = properties.keys().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> aesKey(e.getKey(), e.getValue())));
        if (!keys.containsKey(properties.activeKey())) {
            throw new IllegalStateException("danvan.identity.active-key " + properties.activeKey() + " is not among the keys");
        }
        this.pseudonymKey = new SecretKeySpec(Base64.getDecoder().decode(properties.pseudonymKey()), "HmacSHA256");
        meters.counter("danvan.identity.reads", "outcome", "granted");
        meters.counter("danvan.identity.reads", "outcome", "refused");
    }

    /**
     * Seals a citizen's identity for a case. The person's own digest (the same for every filing of theirs) stays
     * with the sealed identity; what the case shows is its pseudonym. For a confidential filing (a denunciation,
     * Law on Denunciations 2018, art. 47–48) that pseudonym is drawn for this case alone, so nothing a reader of
     * cases sees links it to the same person's other filings; otherwise it is the person's, so repeated filings
     * show.
     */
    public SealedIdentity seal(String caseId, CitizenIdentity identity, boolean confidential) {
        String person = keyedDigest("person", personBasis(identity));
        IdentityDocument sealed = encrypt(UUID.randomUUID().toString(), caseId, identity, person);
        mongo.insert(sealed);
        String basis = confidential ? "case:" + caseId + "|" + person : "person:" + person;
        return new SealedIdentity(sealed.id(), "CD-" + keyedDigest("pseudonym", basis).substring(0, 10).toUpperCase());
    }

    /** The same person by ID number, else by name and contact. */
    private static String personBasis(CitizenIdentity identity) {
        return identity.idNumber() != null && !identity.idNumber().isBlank()
                ? "id:" + identity.idNumber().replaceAll("\\D", "")
                : "name:" + VietnameseText.fold(String.valueOf(identity.name())) + "|" + VietnameseText.fold(
                        String.valueOf(identity.phone()) + String.valueOf(identity.email()));
    }

    /**
     * A keyed digest of a value that must be matched but never stored (a signer's ID number, a client
     * address), separated by {@code purpose} so digests of one kind cannot be compared with another's.
     */
    public String keyedDigest(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Audits the read, then opens the identities of a case. */
    public List<CitizenIdentity> reveal(String caseId, List<String> refs, String reader, String readerUnitId, String purpose) {
        audit(caseId, reader, readerUnitId, purpose, true);
        return mongo.find(Query.query(Criteria.where("_id").in(refs)), IdentityDocument.class).stream()
                .map(this::decrypt).toList();
    }

    /** Records an attempt that was refused. */
    public void refused(String caseId, String reader, String readerUnitId, String purpose) {
        audit(caseId, reader, readerUnitId, purpose, false);
    }

    public List<IdentityAccess> accessLog(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("at")), IdentityAccessDocument.class)
                .stream().map(a -> new IdentityAccess(a.caseId(), a.reader(), a.readerUnitId(), a.at(), a.purpose(), a.granted()))
                .toList();
    }

    /** Re-seals every identity not sealed with the active key; returns how many. */
    public int rotate() {
        int resealed = 0;
        for (IdentityDocument sealed : mongo.find(Query.query(Criteria.where("keyId").ne(properties.activeKey())),
                IdentityDocument.class)) {
            mongo.save(encrypt(sealed.id(), sealed.caseId(), decrypt(sealed), sealed.personDigest()));
            resealed++;
        }
        meters.counter("danvan.identity.resealed").increment(resealed);
        return resealed;
    }

    private void audit(String caseId, String reader, String readerUnitId, String purpose, boolean granted) {
        mongo.insert(new IdentityAccessDocument(UUID.randomUUID().toString(), caseId, reader, readerUnitId, clock.instant(),
                purpose, granted));
        meters.counter("danvan.identity.reads", "outcome", granted ? "granted" : "refused").increment();
    }

    private IdentityDocument encrypt(String id, String caseId, CitizenIdentity identity, String personDigest) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(properties.activeKey()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            return new IdentityDocument(id, caseId, properties.activeKey(), nonce, cipher.doFinal(EventJson.write(identity)),
                    clock.instant(), personDigest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an identity", e);
        }
    }

    private CitizenIdentity decrypt(IdentityDocument sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("identity " + sealed.id() + " is sealed with key " + sealed.keyId()
                    + ", which is no longer configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(sealed.caseId().getBytes(StandardCharsets.UTF_8));
            return EventJson.read(cipher.doFinal(sealed.ciphertext()), CitizenIdentity.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open identity " + sealed.id(), e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("identity key " + id + " must be 32 bytes (AES-256), has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
