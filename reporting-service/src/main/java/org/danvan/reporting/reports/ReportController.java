package org.danvan.reporting.reports;

import java.time.LocalDate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.danvan.reporting.aggregates.UnitScope;
import org.danvan.reporting.duties.DutyRouting;
import org.danvan.support.limits.MaxItems;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Callers;
import org.danvan.support.security.Roles;
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

    /** Draft, edit and submit a unit's report: its cadres and reviewers (and those above it). */
    static final List<String> WORKERS = List.of(Roles.CADRE, Roles.REVIEWER, Roles.OPERATOR);
    /** Return, accept or revise: a reviewer above the reporting unit. */
    static final List<String> DECIDERS = List.of(Roles.REVIEWER, Roles.OPERATOR);

    private final Reports reports;
    private final UnitScope scope;
    private final DutyRouting routing;

    ReportController(Reports reports, UnitScope scope, DutyRouting routing) {
        this.reports = reports;
        this.scope = scope;
        this.routing = routing;
    }

    /** The report if the caller has one of {@code roles} and its unit is in their subtree; otherwise not found. */
    private ReportView inScope(String id, List<String> roles) {
        ReportView report = reports.get(id);
        scope.require(Callers.current(), report.unitId(), roles, "report", id);
        return report;
    }

    /**
     * The report for reading: its unit's subtree and those above, or the staff of the unit a directive's duty routes
     * the unit's reports through (they check and chase them, nothing more).
     */
    private ReportView readable(String id) {
        ReportView report = reports.get(id);
        if (routing.routesThroughCallersUnit(Callers.current(), report.unitId())) {
            return report;
        }
        scope.require(Callers.current(), report.unitId(), UnitScope.READERS, "report", id);
        return report;
    }

    /** A unit does not judge its own report: the reviewer sits above it (operators excepted). */
    private void requireReviewerAbove(String id) {
        ReportView report = inScope(id, DECIDERS);
        Caller caller = Callers.current();
        if (!caller.has(Roles.OPERATOR) && report.unitId().equals(caller.unitId())) {
            throw new ForbiddenException(DECIDERS);
        }
    }

    /** A raw value: a number, or true/false for yes/no elements. */
    record ValueInput(@NotNull Object value, Boolean provisional, Boolean estimated) {
    }

    record CreateRequest(@NotBlank String formCode, @NotBlank String unitId, @NotBlank String period,
            Map<String, @Valid @NotNull ValueInput> values) {
    }

    record ValuesRequest(@NotNull @MaxItems Map<String, @Valid @NotNull ValueInput> values) {
    }

    record SubmitRequest(@PastOrPresent LocalDate receivedOn) {
    }

    record ReturnRequest(@NotEmpty @MaxItems List<@NotBlank String> reasons) {
    }

    record ReviseRequest(@NotNull @MaxItems Map<String, @Valid @NotNull ValueInput> values, @NotBlank String reason) {
    }

    @PostMapping
    ResponseEntity<ReportView> create(@Valid @RequestBody CreateRequest request) {
        scope.requireRole(Callers.current(), WORKERS);
        if (!scope.covers(Callers.current(), request.unitId().trim())) {
            throw new ForbiddenException(WORKERS);
        }
        ReportView view = reports.create(request.formCode(), request.unitId().trim(), request.period(), raw(request.values()));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + view.id())).eTag(etag(view)).body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<ReportView> get(@PathVariable String id) {
        return ok(readable(id));
    }

    @PutMapping("/{id}/values")
    ResponseEntity<ReportView> updateValues(@PathVariable String id, @Valid @RequestBody ValuesRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        inScope(id, WORKERS);
        return ok(reports.updateValues(id, raw(request.values()), ifMatch));
    }

    /**
     * Submits a report. A report that arrived on paper and is typed in later gives the day it was received
     * ({@code receivedOn}): that day decides whether it was late, and who entered it and when is kept.
     */
    @PostMapping("/{id}/submit")
    ResponseEntity<ReportView> submit(@PathVariable String id, @Valid @RequestBody(required = false) SubmitRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        inScope(id, WORKERS);
        return ok(reports.submit(id, ifMatch, request == null ? null : request.receivedOn(), Callers.current().subject()));
    }

    @PostMapping("/{id}/return")
    ResponseEntity<ReportView> returnForCorrection(@PathVariable String id, @Valid @RequestBody ReturnRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireReviewerAbove(id);
        return ok(reports.returnForCorrection(id, request.reasons(), ifMatch));
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<ReportView> accept(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireReviewerAbove(id);
        return ok(reports.accept(id, ifMatch));
    }

    @PostMapping("/{id}/revise")
    ResponseEntity<ReportView> revise(@PathVariable String id, @Valid @RequestBody ReviseRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireReviewerAbove(id);
        return ok(reports.revise(id, raw(request.values()), request.reason(), ifMatch));
    }

    @GetMapping("/{id}/revisions")
    List<ReportView.RevisionView> revisions(@PathVariable String id) {
        readable(id);
        return reports.revisions(id);
    }

    @GetMapping
    List<ReportView> search(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
            @RequestParam(required = false) String form, @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return reports.search(new Reports.Filter(unit, period, form, status, scope.limits(Callers.current()).orElse(null)), page, size);
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
