package org.danvan.directive.units;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.danvan.directive.units.UnitImportLifecycle.Failure;
import org.danvan.directive.units.UnitImportLifecycle.Phase;
import org.danvan.support.problem.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs imports in the background, each as a job whose document its run writes when it starts, after each
 * batch and at the end ({@link UnitImportJob}), so that whoever started it can follow it from any page, any
 * instance, after any reload, and see it interrupted if the service died under it.
 */
@Service
class UnitImportJobs {

    private static final Logger log = LoggerFactory.getLogger(UnitImportJobs.class);

    private final UnitImport unitImport;
    private final MongoTemplate mongo;
    private final AsyncTaskExecutor executor;
    private final Clock clock;
    private final UnitImportProperties properties;
    private final MessageSource messages;

    UnitImportJobs(UnitImport unitImport, MongoTemplate mongo,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor,
            Clock clock, UnitImportProperties properties, MessageSource messages) {
        this.unitImport = unitImport;
        this.mongo = mongo;
        this.executor = executor;
        this.clock = clock;
        this.properties = properties;
        this.messages = messages;
    }

    /** Records the job, queued, and starts its run; row errors are reported in {@code locale}. */
    UnitImportView start(String owner, String fileName, List<UnitImportRows.Row> rows, Locale locale) {
        UnitImportJob job = mongo.insert(UnitImportJob.queued(owner, fileName, rows.size(), clock.instant()));
        UnitImportView queued = view(job, locale);
        executor.execute(() -> run(job, rows, locale));
        return queued;
    }

    private void run(UnitImportJob job, List<UnitImportRows.Row> rows, Locale locale) {
        try {
            job.start(clock.instant());
            mongo.save(job);
            UnitImport.Report report = unitImport.run(rows, locale, done -> {
                job.progress(done, clock.instant());
                mongo.save(job);
            });
            job.finish(report, clock.instant());
            mongo.save(job);
        } catch (RuntimeException e) {
            log.error("unit import {} failed after {} of {} rows", job.id, job.rowsDone, job.rowsTotal, e);
            if (job.running()) {
                job.fail(clock.instant());
            }
            // were this write to fail too, the job's silence would show it interrupted
            mongo.save(job);
        }
    }

    /** The job as its owner sees it, in their language; another caller's job, like an unknown one, is not found. */
    UnitImportView view(String id, String caller, Locale locale) {
        UnitImportJob job = mongo.findById(id, UnitImportJob.class);
        if (job == null || !job.owner.equals(caller)) {
            throw new ResourceNotFoundException("unit import", id);
        }
        return view(job, locale);
    }

    private UnitImportView view(UnitImportJob job, Locale locale) {
        Phase phase = job.phase;
        Failure failure = job.failure;
        if (UnitImportLifecycle.interrupted(phase, job.heartbeatAt, clock.instant(), properties.silence())) {
            phase = Phase.FAILED;
            failure = Failure.INTERRUPTED;
        }
        return new UnitImportView(job.id, job.fileName, job.rowsTotal, job.rowsDone, phase,
                failure == null ? null : failure(job, failure, locale), job.startedAt, job.endedAt, job.report);
    }

    private UnitImportView.Problem failure(UnitImportJob job, Failure failure, Locale locale) {
        Object[] figures = {job.rowsDone, job.rowsTotal, job.report == null ? 0 : job.report.rowsAtFault()};
        String key = "import.failure." + failure;
        return new UnitImportView.Problem(failure, messages.getMessage(key + ".title", figures, locale),
                messages.getMessage(key + ".detail", figures, locale));
    }
}
