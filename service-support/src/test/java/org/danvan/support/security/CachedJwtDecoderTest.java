package org.danvan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.danvan.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token is not verified again until its expiry; from then on, and for any token that failed, it is. */
class CachedJwtDecoderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(300);

    private final TestClock clock = TestClock.instance();
    private final AtomicInteger verifications = new AtomicInteger();
    /** Accepts "good-*" tokens until their expiry (as the real validator would), refuses everything else. */
    private final CachedJwtDecoder decoder = new CachedJwtDecoder(token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good") || !clock.instant().isBefore(EXPIRES)) {
            throw new BadJwtException("refused");
        }
        return new Jwt(token, ISSUED, EXPIRES, Map.of("alg", "RS256"), Map.of("sub", "u"));
    }, 2, clock);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenIsVerifiedOnceWhileValid() {
        clock.pin(ISSUED);
        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("u");
        clock.pin(EXPIRES.minusSeconds(1));
        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("u");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void fromItsExpiryOnTheTokenIsVerifiedAgainAndRefused() {
        clock.pin(ISSUED);
        decoder.decode("good-1");
        clock.pin(EXPIRES);

        assertThatThrownBy(() -> decoder.decode("good-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        clock.pin(ISSUED);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }
}
