package org.danvan.web.units;

import org.danvan.web.api.Problems;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Unit imports through directive-service's {@code /api/v1/units/imports}: a dry run answered at once, and
 * the import itself, which directive-service runs as a job and records, batch by batch, in its own store;
 * this server keeps nothing of it, so its page survives a reload, a sign-in again or another server.
 */
@Component
class UnitImports {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final RestClient gateway;

    UnitImports(RestClient gateway) {
        this.gateway = gateway;
    }

    /** Checks every row and imports nothing: the report lists each row at fault with its reasons. */
    UnitApi.ImportReport dryRun(byte[] csv) {
        return Problems.call(() -> gateway.post().uri("/api/v1/units/imports?dryRun=true").contentType(CSV).body(csv)
                .retrieve().body(UnitApi.ImportReport.class));
    }

    /** Starts importing the file; returns the job, queued, to follow. */
    UnitApi.ImportJob start(String fileName, byte[] csv) {
        return Problems.call(() -> gateway.post().uri("/api/v1/units/imports?fileName={name}", fileName).contentType(CSV)
                .body(csv).retrieve().body(UnitApi.ImportJob.class));
    }

    /** The job as the API shows it to the user who started it; to anyone else it does not exist (404). */
    UnitApi.ImportJob job(String id) {
        return Problems.call(() -> gateway.get().uri("/api/v1/units/imports/{id}", id).retrieve().body(UnitApi.ImportJob.class));
    }
}
