package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

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
    void aJobCountsItsRowsBatchByBatchAndARefusedOneFailsWithItsFirstRowsAtFault() {
        UnitImportJob job = UnitImportJob.queued("op", "units.csv", 2500, NOW);
        job.start(NOW.plusSeconds(1));
        job.progress(1000, NOW.plusSeconds(2));
        job.progress(1000, NOW.plusSeconds(3));
        assertThat(job.rowsDone).isEqualTo(2000);
        assertThat(job.heartbeatAt).isEqualTo(NOW.plusSeconds(3));
        job.finish(new UnitImport.Report(false, 2500, 2500, 0, 0, List.of(), 4), NOW.plusSeconds(4));
        assertThat(job.phase).isEqualTo(Phase.DONE);
        assertThat(job.failure).isNull();

        UnitImportJob refused = UnitImportJob.queued("op", "units.csv", 2, NOW);
        refused.start(NOW);
        List<UnitImport.RowError> everyRow = IntStream.rangeClosed(1, UnitImportJob.KEPT_ERRORS + 1)
                .mapToObj(row -> new UnitImport.RowError(row, null, List.of("the field code is missing"))).toList();
        refused.finish(new UnitImport.Report(false, everyRow.size(), 0, 0, everyRow.size(), everyRow, 1), NOW);
        assertThat(refused.phase).isEqualTo(Phase.FAILED);
        assertThat(refused.report.rowsAtFault()).isEqualTo(UnitImportJob.KEPT_ERRORS + 1);
        assertThat(refused.report.errors()).hasSize(UnitImportJob.KEPT_ERRORS).first().extracting(UnitImport.RowError::row).isEqualTo(1);
        assertThat(refused.failure).isEqualTo(UnitImportLifecycle.Failure.ROW_ERRORS);
        assertThat(refused.endedAt).isEqualTo(NOW);
    }
}
