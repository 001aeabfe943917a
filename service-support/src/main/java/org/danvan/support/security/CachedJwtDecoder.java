package org.danvan.support.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies a token once per service, not on every request: a token that passed every check (signature, issuer,
 * expiry, client) is remembered by its exact text until its {@code exp}, in a cache of bounded size. From its
 * {@code exp} on it is verified again and so refused as without the cache; a token that failed is never
 * remembered. The web application sends a user's token on every call of a page, and the RSA signature check
 * and JWT parsing were a tenth of each service's CPU (the gateway does the same, {@code CachedJwtDecoder} there).
 */
final class CachedJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachedJwtDecoder(JwtDecoder verifier, int maxTokens, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        // the expiry only frees memory; whether a remembered token is still valid is checked on each use
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> max(Duration.between(clock.instant(), jwt.getExpiresAt()))))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static Duration max(Duration untilExpiry) {
        return untilExpiry.isNegative() ? Duration.ZERO : untilExpiry;
    }
}
