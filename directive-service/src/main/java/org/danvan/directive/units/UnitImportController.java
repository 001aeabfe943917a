package org.danvan.directive.units;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/units/imports[?dryRun=true][&fileName=]} with a CSV ({@code text/csv}) or JSON array
 * body. A dry run answers at once with every invalid row and imports nothing. Otherwise the import runs in the
 * background: 202 with the job and its {@code Location}, {@code GET /api/v1/units/imports/{id}}, which only
 * the operator who started it reads; the job imports every row or, if any is invalid, none (failed, with the
 * same report as a dry run).
 */
@RestController
@RequestMapping("/api/v1/units/imports")
class UnitImportController {

    private final UnitImport unitImport;
    private final UnitImportJobs jobs;

    UnitImportController(UnitImport unitImport, UnitImportJobs jobs) {
        this.unitImport = unitImport;
        this.jobs = jobs;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Checks a file (dryRun) or starts importing it", responses = {
            @ApiResponse(responseCode = "200", description = "the dry run's report: every row at fault",
                    content = @Content(schema = @Schema(implementation = UnitImport.Report.class))),
            @ApiResponse(responseCode = "202", description = "the import job, queued; follow its Location",
                    content = @Content(schema = @Schema(implementation = UnitImportView.class)))})
    ResponseEntity<?> post(@RequestBody byte[] body, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String fileName,
            Locale locale) {
        UnitAdministration.requireOperator();
        List<UnitImportRows.Row> rows = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? fromJson(body)
                : UnitImportRows.fromCsv(new String(body, StandardCharsets.UTF_8));
        if (dryRun) {
            return ResponseEntity.ok(unitImport.dryRun(rows, locale));
        }
        UnitImportView job = jobs.start(Callers.current().subject(), fileName, rows, locale);
        return ResponseEntity.accepted().location(URI.create("/api/v1/units/imports/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    UnitImportView job(@PathVariable String id, Locale locale) {
        return jobs.view(id, Callers.current().subject(), locale);
    }

    private static List<UnitImportRows.Row> fromJson(byte[] body) {
        try {
            return UnitImportRows.fromJson(body);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Violation("body", "import.not-json-array")));
        }
    }
}
