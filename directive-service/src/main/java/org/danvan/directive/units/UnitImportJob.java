package org.danvan.directive.units;

import java.time.Instant;
import java.util.UUID;

import org.danvan.directive.units.UnitImportLifecycle.Failure;
import org.danvan.directive.units.UnitImportLifecycle.Phase;
import org.danvan.directive.units.UnitImportLifecycle.Step;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import of a file, as its run records it: whose, how many rows and how many are done, its phase, and at
 * the end the import's report. {@code heartbeatAt} is the time of the run's last write, by which a job a dead
 * service left running is recognised ({@link UnitImportLifecycle#interrupted}).
 */
@Document("unit_imports")
class UnitImportJob {

    /** Rows at fault a job records: a file with wrong headers has every row at fault, and a document has a size limit. */
    static final int KEPT_ERRORS = 1000;

    @Id
    String id;
    /** The subject of the token that started it: the only caller who may read it. */
    String owner;
    String fileName;
    int rowsTotal;
    int rowsDone;
    Phase phase;
    Failure failure;
    Instant startedAt;
    Instant endedAt;
    Instant heartbeatAt;
    UnitImport.Report report;

    static UnitImportJob queued(String owner, String fileName, int rowsTotal, Instant now) {
        UnitImportJob job = new UnitImportJob();
        job.id = UUID.randomUUID().toString();
        job.owner = owner;
        job.fileName = fileName;
        job.rowsTotal = rowsTotal;
        job.phase = Phase.QUEUED;
        job.startedAt = now;
        job.heartbeatAt = now;
        return job;
    }

    void start(Instant now) {
        step(Step.START, now);
    }

    void progress(int rows, Instant now) {
        step(Step.PROGRESS, now);
        rowsDone += rows;
    }

    /** Every row checked: imported, or refused with the rows at fault. */
    void finish(UnitImport.Report report, Instant now) {
        step(report.errors().isEmpty() ? Step.FINISH : Step.REFUSE, now);
        this.report = report.withFirstErrors(KEPT_ERRORS);
        if (!report.errors().isEmpty()) {
            failure = Failure.ROW_ERRORS;
        }
        endedAt = now;
    }

    boolean running() {
        return phase == Phase.QUEUED || phase == Phase.IMPORTING;
    }

    void fail(Instant now) {
        step(Step.FAIL, now);
        failure = Failure.ERROR;
        endedAt = now;
    }

    private void step(Step step, Instant now) {
        phase = UnitImportLifecycle.next(phase, step);
        heartbeatAt = now;
    }
}
