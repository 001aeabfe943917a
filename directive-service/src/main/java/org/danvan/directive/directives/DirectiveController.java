package org.danvan.directive.directives;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.danvan.support.limits.MaxItems;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.security.Callers;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Directives: create (as a draft or issued at once), edit drafts, issue, amend, revoke, acknowledge, read. */
@RestController
@RequestMapping("/api/v1/directives")
@Validated
class DirectiveController {

    private final Directives directives;
    private final DirectiveSearch search;
    private final DirectiveCompliance compliance;
    private final DirectiveAccess access;
    private final Clock clock;

    DirectiveController(Directives directives, DirectiveSearch search, DirectiveCompliance compliance, DirectiveAccess access,
            Clock clock) {
        this.directives = directives;
        this.search = search;
        this.compliance = compliance;
        this.access = access;
        this.clock = clock;
    }

    /** The directive, if the caller may see it and, for a change, act for its issuer with one of {@code roles}. */
    private DirectiveView forChange(String id, List<String> roles) {
        DirectiveView directive = access.visible(Callers.current(), directives.get(id));
        access.requireIssuer(Callers.current(), directive.content().issuerUnitId(), roles);
        return directive;
    }

    record AmendRequest(@NotNull @Valid DirectiveRequest directive, @NotEmpty @MaxItems List<@NotBlank String> changes) {
    }

    record EndRequest(@NotNull LocalDate effectiveOn, @NotBlank String reason, String supersededBy) {
    }

    record AcknowledgeRequest(@NotBlank String unitId, @NotNull LocalDate acknowledgedOn) {
    }

    @PostMapping
    ResponseEntity<DirectiveView> create(@Valid @RequestBody DirectiveRequest request) {
        access.requireIssuer(Callers.current(), request.issuerUnitId(),
                Boolean.TRUE.equals(request.draft()) ? DirectiveAccess.DRAFTERS : DirectiveAccess.DECIDERS);
        DirectiveView view = directives.create(request);
        return ResponseEntity.created(URI.create("/api/v1/directives/" + view.id())).eTag(etag(view)).body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<DirectiveView> get(@PathVariable String id) {
        DirectiveView view = access.visible(Callers.current(), directives.get(id));
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @PutMapping("/{id}")
    ResponseEntity<DirectiveView> updateDraft(@PathVariable String id, @Valid @RequestBody DirectiveRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        forChange(id, DirectiveAccess.DRAFTERS);
        access.requireIssuer(Callers.current(), request.issuerUnitId(), DirectiveAccess.DRAFTERS);
        return ok(directives.updateDraft(id, request, ifMatch));
    }

    @PostMapping("/{id}/issue")
    ResponseEntity<DirectiveView> issue(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        forChange(id, DirectiveAccess.DECIDERS);
        return ok(directives.issue(id, ifMatch));
    }

    @PostMapping("/{id}/amend")
    ResponseEntity<DirectiveView> amend(@PathVariable String id, @Valid @RequestBody AmendRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        forChange(id, DirectiveAccess.DECIDERS);
        access.requireIssuer(Callers.current(), request.directive().issuerUnitId(), DirectiveAccess.DECIDERS);
        return ok(directives.amend(id, request.directive(), request.changes(), ifMatch));
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<DirectiveView> revoke(@PathVariable String id, @Valid @RequestBody EndRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        forChange(id, DirectiveAccess.DECIDERS);
        return ok(directives.end(id, request.effectiveOn(), request.reason(), request.supersededBy(), ifMatch));
    }

    @PostMapping("/{id}/acknowledgements")
    ResponseEntity<DirectiveView> acknowledge(@PathVariable String id, @Valid @RequestBody AcknowledgeRequest request) {
        access.visible(Callers.current(), directives.get(id));
        // a recipient acknowledges for itself: the unit is the caller's or below it
        access.requireIssuer(Callers.current(), request.unitId(), DirectiveAccess.DRAFTERS);
        return ok(directives.acknowledge(id, request.unitId(), request.acknowledgedOn()));
    }

    @GetMapping("/{id}/versions")
    List<DirectiveView> versions(@PathVariable String id) {
        access.visible(Callers.current(), directives.get(id));
        return directives.versions(id);
    }

    @GetMapping("/{id}/compliance")
    DirectiveCompliance.Report compliance(@PathVariable String id,
            @RequestParam(required = false) @Min(0) Integer withoutPlanAfterDays,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.visible(Callers.current(), directives.get(id));
        return compliance.of(id, withoutPlanAfterDays, asOf == null ? LocalDate.now(clock) : asOf);
    }

    @GetMapping
    DirectiveSearch.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String issuer,
            @RequestParam(required = false) DirectiveKind kind, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String recipient, @RequestParam(required = false) DirectiveStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return search.find(new DirectiveSearch.Filter(q, issuer, kind, year, recipient, status),
                access.visibility(Callers.current()), page, size);
    }

    private static ResponseEntity<DirectiveView> ok(DirectiveView view) {
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    private static String etag(DirectiveView view) {
        return PreconditionFailedException.etag(view.storeVersion());
    }
}
