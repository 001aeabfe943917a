package org.danvan.directive.units;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * queued → importing → done | failed; queued → failed. A job only its own run moves on, so a step the phase
 * does not allow is a bug, not a request to refuse. A job still queued or importing whose run has not written
 * for longer than the allowed silence belongs to a service that died: it is shown failed, interrupted.
 */
final class UnitImportLifecycle {

    enum Phase { QUEUED, IMPORTING, DONE, FAILED }

    enum Step { START, PROGRESS, FINISH, REFUSE, FAIL }

    /** Why a job failed: rows at fault (nothing imported), its service died, or the store failed it. */
    enum Failure { ROW_ERRORS, INTERRUPTED, ERROR }

    private static final Map<Phase, List<Step>> ALLOWED = new EnumMap<>(Map.of(
            Phase.QUEUED, List.of(Step.START, Step.FAIL),
            Phase.IMPORTING, List.of(Step.PROGRESS, Step.FINISH, Step.REFUSE, Step.FAIL),
            Phase.DONE, List.of(),
            Phase.FAILED, List.of()));

    private UnitImportLifecycle() {
    }

    static Phase next(Phase phase, Step step) {
        if (!ALLOWED.get(phase).contains(step)) {
            throw new IllegalStateException("a unit import " + phase + " cannot " + step);
        }
        return switch (step) {
            case START, PROGRESS -> Phase.IMPORTING;
            case FINISH -> Phase.DONE;
            case REFUSE, FAIL -> Phase.FAILED;
        };
    }

    /** Whether a job last written at {@code heartbeat} is one a dead service left running. */
    static boolean interrupted(Phase phase, Instant heartbeat, Instant now, Duration silence) {
        return (phase == Phase.QUEUED || phase == Phase.IMPORTING) && heartbeat.plus(silence).isBefore(now);
    }
}
