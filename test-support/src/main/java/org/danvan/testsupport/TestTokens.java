package org.danvan.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed tokens for tests, shaped like Keycloak's ({@code realm_access.roles}, {@code unit_id}). Services
 * under test trust {@link #ISSUER} and this class's public key ({@link TestInfrastructureInitializer}
 * configures both), so tokens from any other issuer or key, expired or altered, are refused as in production.
 */
public final class TestTokens {

    public static final String ISSUER = "https://sso.test.danvan.org/realms/danvan";
    /** The client tokens are issued to unless a test says otherwise: the platform's web client. */
    public static final String WEB_CLIENT = "danvan-web";

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** A token valid for an hour for a user acting on {@code unitId}'s subtree with {@code roles}. */
    public static String issue(String subject, String unitId, String... roles) {
        return sign(KEYS, ISSUER, WEB_CLIENT, subject, unitId, Instant.now().plus(Duration.ofHours(1)), roles);
    }

    public static String expired(String subject, String unitId, String... roles) {
        return sign(KEYS, ISSUER, WEB_CLIENT, subject, unitId, Instant.now().minus(Duration.ofHours(1)), roles);
    }

    public static String fromOtherIssuer(String subject, String unitId, String... roles) {
        return sign(KEYS, "https://evil.example/realms/danvan", WEB_CLIENT, subject, unitId, Instant.now().plus(Duration.ofHours(1)), roles);
    }

    /** A valid token of the same issuer, issued to another application of the realm. */
    public static String forOtherClient(String subject, String unitId, String... roles) {
        return sign(KEYS, ISSUER, "another-application", subject, unitId, Instant.now().plus(Duration.ofHours(1)), roles);
    }

    public static String signedWithOtherKey(String subject, String unitId, String... roles) {
        return sign(OTHER_KEYS, ISSUER, WEB_CLIENT, subject, unitId, Instant.now().plus(Duration.ofHours(1)), roles);
    }

    /** A valid token whose claims were edited after signing (roles raised to operator). */
    public static String tampered(String subject, String unitId, String... roles) {
        String[] parts = issue(subject, unitId, roles).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String raised = claims.replace("\"roles\":[", "\"roles\":[\"operator\",\"confidential-handler\",");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(raised.getBytes()) + "." + parts[2];
    }

    /** Every request of {@code http} from now on carries {@code token} (replacing earlier interceptors). */
    public static void authorize(org.springframework.web.client.RestTemplate http, String token) {
        http.setInterceptors(List.of((request, body, execution) -> {
            // a request that names its own caller keeps it: the template is shared by every test of the context
            if (!request.getHeaders().containsHeader(org.springframework.http.HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(token);
            }
            return execution.execute(request, body);
        }));
    }

    /** A file URL of the PEM public key that verifies this class's tokens. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("danvan-test-issuer", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static String sign(KeyPair keys, String issuer, String client, String subject, String unitId, Instant expiry, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", subject)
                .claim("azp", client)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (unitId != null) {
            claims.claim("unit_id", unitId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
