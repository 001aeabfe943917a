package org.danvan.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business clock of integration tests: the system's time in Vietnam until a test pins it, so a test can
 * stand at 00:30 in Vietnam (still yesterday in UTC), on a Tết holiday or wherever a rule turns. One per
 * test JVM, shared by every cached context; a test that pins it resets it afterwards.
 * <p>
 * {@code DANVAN_TEST_TIME} (an instant, e.g. {@code 2026-11-29T18:30:00Z}, 01:30 in Vietnam) shifts the whole
 * suite's business clock so that it starts there and runs on: the suite proves it passes at any hour.
 */
public final class TestClock extends Clock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final TestClock INSTANCE = new TestClock(shiftFromEnvironment());

    private final Duration shift;
    private volatile Instant pinned;

    private TestClock(Duration shift) {
        this.shift = shift;
    }

    private static Duration shiftFromEnvironment() {
        String start = System.getenv("DANVAN_TEST_TIME");
        return start == null || start.isBlank() ? Duration.ZERO : Duration.between(Instant.now(), Instant.parse(start.trim()));
    }

    public static TestClock instance() {
        return INSTANCE;
    }

    public void pin(Instant instant) {
        pinned = instant;
    }

    public void reset() {
        pinned = null;
    }

    /** Today in Vietnam by this clock. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    @Override
    public ZoneId getZone() {
        return VIETNAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now().plus(shift);
    }
}
