package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** A verified token is not verified again until its expiry; from then on, and for any token that failed, it is. */
class CachedJwtDecoderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(300);

    private final MovableClock clock = new MovableClock(ISSUED);
    private final AtomicInteger verifications = new AtomicInteger();
    /** Accepts "good-*" tokens until their expiry (as the real validator would), refuses everything else. */
    private final CachedJwtDecoder decoder = new CachedJwtDecoder(token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good") || !clock.instant().isBefore(EXPIRES)) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(new Jwt(token, ISSUED, EXPIRES, Map.of("alg", "RS256"), Map.of("sub", "u")));
    }, 2, clock);

    @Test
    void aTokenIsVerifiedOnceWhileValid() {
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("u");
        clock.now = EXPIRES.minusSeconds(1);
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("u");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void fromItsExpiryOnTheTokenIsVerifiedAgainAndRefused() {
        decoder.decode("good-1").block();
        clock.now = EXPIRES;

        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
