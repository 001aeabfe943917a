package org.danvan.reporting.reports;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.danvan.support.problem.PreconditionFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Periodic reports: draft, edit, submit, return, accept, revise, read. Changes take If-Match. */
@RestController
@RequestMapping("/api/v1/reports")
@Validated
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    /** A raw value: a number, or true/false for yes/no elements. */
    record ValueInput(@NotNull Object value, Boolean provisional, Boolean estimated) {
    }

    record CreateRequest(@NotBlank String formCode, @NotBlank String unitId, @NotBlank String period,
            Map<String, @Valid @NotNull ValueInput> values) {
    }

    record ValuesRequest(@NotNull Map<String, @Valid @NotNull ValueInput> values) {
    }

    record ReturnRequest(@NotEmpty List<@NotBlank String> reasons) {
    }

    record ReviseRequest(@NotNull Map<String, @Valid @NotNull ValueInput> values, @NotBlank String reason) {
    }

    @PostMapping
    ResponseEntity<ReportView> create(@Valid @RequestBody CreateRequest request) {
        ReportView view = reports.create(request.formCode(), request.unitId().trim(), request.period(), raw(request.values()));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + view.id())).eTag(etag(view)).body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<ReportView> get(@PathVariable String id) {
        return ok(reports.get(id));
    }

    @PutMapping("/{id}/values")
    ResponseEntity<ReportView> updateValues(@PathVariable String id, @Valid @RequestBody ValuesRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(reports.updateValues(id, raw(request.values()), ifMatch));
    }

    @PostMapping("/{id}/submit")
    ResponseEntity<ReportView> submit(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(reports.submit(id, ifMatch));
    }

    @PostMapping("/{id}/return")
    ResponseEntity<ReportView> returnForCorrection(@PathVariable String id, @Valid @RequestBody ReturnRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(reports.returnForCorrection(id, request.reasons(), ifMatch));
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<ReportView> accept(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(reports.accept(id, ifMatch));
    }

    @PostMapping("/{id}/revise")
    ResponseEntity<ReportView> revise(@PathVariable String id, @Valid @RequestBody ReviseRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(reports.revise(id, raw(request.values()), request.reason(), ifMatch));
    }

    @GetMapping("/{id}/revisions")
    List<ReportView.RevisionView> revisions(@PathVariable String id) {
        return reports.revisions(id);
    }

    @GetMapping
    List<ReportView> search(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
            @RequestParam(required = false) String form, @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return reports.search(new Reports.Filter(unit, period, form, status), page, size);
    }

    static Map<String, ReportValidation.RawValue> raw(Map<String, ValueInput> values) {
        Map<String, ReportValidation.RawValue> raw = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((code, v) -> raw.put(code, new ReportValidation.RawValue(v.value(), v.provisional(), v.estimated())));
        }
        return raw;
    }

    private static ResponseEntity<ReportView> ok(ReportView view) {
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    private static String etag(ReportView view) {
        return PreconditionFailedException.etag(view.storeVersion());
    }
}
