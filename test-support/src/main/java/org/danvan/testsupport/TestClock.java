package org.danvan.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business clock of integration tests: the system's time in Vietnam until a test pins it, so a test can
 * stand at 00:30 in Vietnam (still yesterday in UTC), on a Tết holiday or wherever a rule turns. One per
 * test JVM, shared by every cached context; a test that pins it resets it afterwards.
 */
public final class TestClock extends Clock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final TestClock INSTANCE = new TestClock();

    private volatile Instant pinned;

    private TestClock() {
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
        return at != null ? at : Instant.now();
    }
}
