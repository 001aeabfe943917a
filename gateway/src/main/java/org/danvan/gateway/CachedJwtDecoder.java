package org.danvan.gateway;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a token once, not on every request: a token that passed every check (signature, issuer, expiry,
 * audience) is remembered by its exact text until its {@code exp}, in a cache of bounded size. From its
 * {@code exp} on the token is verified again, so it is refused exactly as without the cache; a token that failed
 * is never remembered. A client sends the same token for minutes, and its RSA signature check was the largest
 * single cost of the gateway's requests.
 */
final class CachedJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachedJwtDecoder(ReactiveJwtDecoder verifier, int maxTokens, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        // the expiry only frees memory; whether a remembered token is still valid is checked on each use below
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new UntilExpiry(clock)).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
