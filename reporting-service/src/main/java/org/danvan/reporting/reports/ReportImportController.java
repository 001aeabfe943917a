package org.danvan.reporting.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.danvan.reporting.aggregates.UnitScope;
import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.security.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/reports/import[?form=]} with a CSV ({@code text/csv}) or JSON array body: creates
 * every row as a submitted report, or — if any row is invalid — none (400 listing row, field and reason).
 * {@code form} names the form of rows that have no form column.
 */
@RestController
@RequestMapping("/api/v1/reports/import")
class ReportImportController {

    private final ReportImport reportImport;
    private final Catalogue catalogue;
    private final UnitScope scope;

    ReportImportController(ReportImport reportImport, Catalogue catalogue, UnitScope scope) {
        this.reportImport = reportImport;
        this.catalogue = catalogue;
        this.scope = scope;
    }

    record Imported(int imported, List<ReportView> reports) {
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Imported> importCsv(@RequestBody byte[] body, @RequestParam(required = false) String form, Locale locale) {
        scope.requireRole(Callers.current(), ReportController.WORKERS);
        List<ReportImportRows.Row> rows = new ReportImportRows(catalogue.elementsByCode())
                .fromCsv(new String(body, StandardCharsets.UTF_8));
        return created(reportImport.run(rows, form, locale, unit -> scope.covers(Callers.current(), unit),
                Callers.current().subject()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Imported> importJson(@RequestBody byte[] body, @RequestParam(required = false) String form, Locale locale) {
        scope.requireRole(Callers.current(), ReportController.WORKERS);
        List<ReportImportRows.Row> rows;
        try {
            rows = new ReportImportRows(catalogue.elementsByCode()).fromJson(body);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Violation("body", "report.import.not-json-array")));
        }
        return created(reportImport.run(rows, form, locale, unit -> scope.covers(Callers.current(), unit),
                Callers.current().subject()));
    }

    private static ResponseEntity<Imported> created(List<ReportView> reports) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(reports.size(), reports));
    }
}
