package org.danvan.directive.units;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.danvan.support.problem.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/units/import[?dryRun=true]} with a CSV ({@code text/csv}) or JSON array body.
 * A dry run reports every invalid row and imports nothing; a real run imports every row or, if any is
 * invalid, none (422 with the same report).
 */
@RestController
@RequestMapping("/api/v1/units/import")
class UnitImportController {

    private final UnitImport unitImport;

    UnitImportController(UnitImport unitImport) {
        this.unitImport = unitImport;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<UnitImport.Report> importCsv(@RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean dryRun, Locale locale) {
        UnitAdministration.requireOperator();
        return respond(unitImport.run(UnitImportRows.fromCsv(new String(body, StandardCharsets.UTF_8)), dryRun, locale));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UnitImport.Report> importJson(@RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean dryRun, Locale locale) {
        UnitAdministration.requireOperator();
        List<UnitImportRows.Row> rows;
        try {
            rows = UnitImportRows.fromJson(body);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Violation("body", "import.not-json-array")));
        }
        return respond(unitImport.run(rows, dryRun, locale));
    }

    private static ResponseEntity<UnitImport.Report> respond(UnitImport.Report report) {
        if (report.dryRun()) {
            return ResponseEntity.ok(report);
        }
        return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(report);
    }
}
