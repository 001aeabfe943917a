package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.danvan.directive.units.UnitImportLifecycle.Phase;
import org.danvan.directive.units.UnitImportLifecycle.Step;
import org.junit.jupiter.api.Test;

class UnitImportLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private static final Duration SILENCE = Duration.ofMinutes(2);

    @Test
    void walksQueuedImportingBatchByBatchThenDoneOrFailed() {
        Phase phase = UnitImportLifecycle.next(Phase.QUEUED, Step.START);
        assertThat(phase).isEqualTo(Phase.IMPORTING);
        assertThat(UnitImportLifecycle.next(phase, Step.PROGRESS)).isEqualTo(Phase.IMPORTING);
        assertThat(UnitImportLifecycle.next(phase, Step.FINISH)).isEqualTo(Phase.DONE);
        assertThat(UnitImportLifecycle.next(phase, Step.REFUSE)).isEqualTo(Phase.FAILED);
        assertThat(UnitImportLifecycle.next(phase, Step.FAIL)).isEqualTo(Phase.FAILED);
        assertThat(UnitImportLifecycle.next(Phase.QUEUED, Step.FAIL)).isEqualTo(Phase.FAILED);
    }

    @Test
    void aQueuedJobMakesNoProgressAndAnEndedJobNeverMovesAgain() {
        for (Step step : List.of(Step.PROGRESS, Step.FINISH, Step.REFUSE)) {
            assertThatThrownBy(() -> UnitImportLifecycle.next(Phase.QUEUED, step)).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> UnitImportLifecycle.next(Phase.IMPORTING, Step.START)).isInstanceOf(IllegalStateException.class);
        for (Phase ended : List.of(Phase.DONE, Phase.FAILED)) {
            for (Step step : Step.values()) {
                assertThatThrownBy(() -> UnitImportLifecycle.next(ended, step)).as("%s %s", ended, step)
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void aRunningJobSilentForLongerThanAllowedWasInterruptedAnEndedOneNever() {
        Instant longAgo = NOW.minus(SILENCE).minusSeconds(1);
        assertThat(UnitImportLifecycle.interrupted(Phase.IMPORTING, longAgo, NOW, SILENCE)).isTrue();
        assertThat(UnitImportLifecycle.interrupted(Phase.QUEUED, longAgo, NOW, SILENCE)).isTrue();
        assertThat(UnitImportLifecycle.interrupted(Phase.IMPORTING, NOW.minus(SILENCE), NOW, SILENCE)).isFalse();
        assertThat(UnitImportLifecycle.interrupted(Phase.DONE, longAgo, NOW, SILENCE)).isFalse();
        assertThat(UnitImportLifecycle.interrupted(Phase.FAILED, longAgo, NOW, SILENCE)).isFalse();
    }

    @Test
    void aJobCountsItsRowsBatchByBatchAndARefusedOneFailsWithItsRowsAtFault() {
        UnitImportJob job = UnitImportJob.queued("op", "units.csv", 2500, NOW);
        job.start(NOW.plusSeconds(1));
        job.progress(1000, NOW.plusSeconds(2));
        job.progress(1000, NOW.plusSeconds(3));
        assertThat(job.rowsDone).isEqualTo(2000);
        assertThat(job.heartbeatAt).isEqualTo(NOW.plusSeconds(3));
        job.finish(new UnitImport.Report(false, 2500, 2500, 0, List.of(), 4), NOW.plusSeconds(4));
        assertThat(job.phase).isEqualTo(Phase.DONE);
        assertThat(job.failure).isNull();

        UnitImportJob refused = UnitImportJob.queued("op", "units.csv", 2, NOW);
        refused.start(NOW);
        refused.finish(new UnitImport.Report(false, 2, 0, 0, List.of(new UnitImport.RowError(2, "X", List.of("?"))), 1), NOW);
        assertThat(refused.phase).isEqualTo(Phase.FAILED);
        assertThat(refused.failure).isEqualTo(UnitImportLifecycle.Failure.ROW_ERRORS);
        assertThat(refused.endedAt).isEqualTo(NOW);
    }
}
