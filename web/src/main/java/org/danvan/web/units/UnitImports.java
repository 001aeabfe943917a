package org.danvan.web.units;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.danvan.web.api.ApiProblem;
import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Unit imports through directive-service's {@code POST /api/v1/units/import}: a dry run answered at once,
 * and the import itself run in the background as a job of this server, so that its page can be left and
 * reloaded while it runs. directive-service imports a file in one synchronous call and reports nothing
 * until it is done, so a job knows its phase (sent, importing, done) and its row count, not how many rows
 * are in so far. Jobs live in this server's memory (the last {@value #KEPT}), each readable by its owner only.
 */
@Component
class UnitImports {

    static final int KEPT = 100;
    private static final MediaType CSV = new MediaType("text", "csv");

    private final RestClient gateway;
    private final AsyncTaskExecutor executor;
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    UnitImports(RestClient gateway, AsyncTaskExecutor executor, Clock clock) {
        this.gateway = gateway;
        this.executor = executor;
        this.clock = clock;
    }

    enum Phase { IMPORTING, DONE, FAILED }

    /** One import: whose, how many rows, where it stands, and the API's report or problem once over. */
    record Job(String id, String owner, String filename, int rows, Instant started, Phase phase, Instant ended,
            UnitApi.ImportReport report, ApiProblem problem) {

        public Duration elapsed(Instant now) {
            return Duration.between(started, ended == null ? now : ended);
        }

        public boolean running() {
            return phase == Phase.IMPORTING;
        }
    }

    /** Checks every row and imports nothing: the report lists each row at fault with its reasons. */
    UnitApi.ImportReport dryRun(byte[] csv) {
        return send(csv, true, null);
    }

    /** Starts importing the file the dry run passed, with the user's token; returns the job to follow. */
    Job start(String owner, String filename, int rows, byte[] csv, String accessToken) {
        Locale locale = LocaleContextHolder.getLocale();
        Job job = new Job(UUID.randomUUID().toString(), owner, filename, rows, clock.instant(), Phase.IMPORTING, null, null, null);
        put(job);
        executor.execute(() -> {
            LocaleContextHolder.setLocale(locale);
            try {
                UnitApi.ImportReport report = send(csv, false, accessToken);
                put(new Job(job.id(), owner, filename, rows, job.started(), Phase.DONE, clock.instant(), report, null));
            } catch (ApiProblemException e) {
                put(new Job(job.id(), owner, filename, rows, job.started(), Phase.FAILED, clock.instant(), null, e.problem()));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return job;
    }

    /** The job if it is {@code owner}'s; null otherwise (another user's import does not exist for them). */
    synchronized Job job(String id, String owner) {
        Job job = jobs.get(id);
        return job != null && job.owner().equals(owner) ? job : null;
    }

    private synchronized void put(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }

    /**
     * One call to the import endpoint. In a request the user's token is added by the gateway client; a job
     * runs outside any request, so it sends the token it was given.
     */
    private UnitApi.ImportReport send(byte[] csv, boolean dryRun, String accessToken) {
        return Problems.call(() -> gateway.post().uri("/api/v1/units/import?dryRun={dryRun}", dryRun)
                .contentType(CSV)
                .headers(headers -> {
                    if (accessToken != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
                    }
                })
                .body(csv).retrieve()
                // a refused import (a row went wrong since its dry run) answers 422 with the same report
                .onStatus(status -> status.value() == 422, (request, response) -> { })
                .body(UnitApi.ImportReport.class));
    }
}
