package org.danvan.feedback.cases;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.danvan.feedback.identity.CitizenIdentity;
import org.danvan.feedback.identity.IdentityAccess;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Citizen cases: filing (open to citizens without an account), handling steps, reads and the identity vault. */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
class CaseController {

    private final Cases cases;
    private final CaseFiling filing;
    private final CaseQueries queries;

    CaseController(Cases cases, CaseFiling filing, CaseQueries queries) {
        this.cases = cases;
        this.filing = filing;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<FiledCase> file(@Valid @RequestBody CaseRequests.FileCase request) {
        FiledCase filed = filing.file(request, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/cases/track/" + filed.trackingCode())).body(filed);
    }

    @GetMapping
    List<CaseView> search(@RequestParam(required = false) String unit, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) String q) {
        return queries.search(unit, status, kind, q, Callers.current());
    }

    @GetMapping("/hotspots")
    List<CaseQueries.Hotspot> hotspots(@RequestParam(required = false) String unit) {
        return queries.hotspots(unit, Callers.current());
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(@PathVariable String id) {
        return tagged(cases.get(id, Callers.current()));
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<CaseView> accept(@PathVariable String id, @Valid @RequestBody CaseRequests.Accept request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.accept(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/refuse")
    ResponseEntity<CaseView> refuse(@PathVariable String id, @Valid @RequestBody CaseRequests.Refuse request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.refuse(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/assign")
    ResponseEntity<CaseView> assign(@PathVariable String id, @Valid @RequestBody CaseRequests.Assign request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.assign(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/start")
    ResponseEntity<CaseView> start(@PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Step request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.start(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/extend")
    ResponseEntity<CaseView> extend(@PathVariable String id, @Valid @RequestBody CaseRequests.Extend request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.extend(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/resolve")
    ResponseEntity<CaseView> resolve(@PathVariable String id, @Valid @RequestBody CaseRequests.Resolve request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.resolve(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/explain")
    ResponseEntity<CaseView> explain(@PathVariable String id, @Valid @RequestBody CaseRequests.Explain request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.explain(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/roadmap")
    ResponseEntity<CaseView> roadmap(@PathVariable String id, @Valid @RequestBody CaseRequests.RoadmapProgress request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.roadmapProgress(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/close")
    ResponseEntity<CaseView> close(@PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Step request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.close(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<CaseView> reopen(@PathVariable String id, @Valid @RequestBody CaseRequests.Reopen request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.reopen(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/merge")
    ResponseEntity<CaseView> merge(@PathVariable String id, @Valid @RequestBody CaseRequests.Merge request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(cases.merge(id, request, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<CaseView> note(@PathVariable String id, @Valid @RequestBody CaseRequests.Note request) {
        return tagged(cases.addNote(id, request, Callers.current()));
    }

    @GetMapping("/{id}/duplicates")
    List<CaseQueries.DuplicateCandidate> duplicates(@PathVariable String id) {
        return queries.duplicates(id, Callers.current());
    }

    /** The citizens behind a case; for a denunciation only a confidential-case handler of its subtree. Audited. */
    @GetMapping("/{id}/identity")
    List<CitizenIdentity> identity(@PathVariable String id, @RequestParam @NotBlank String purpose) {
        return queries.identities(id, purpose, Callers.current());
    }

    @GetMapping("/{id}/identity/access-log")
    List<IdentityAccess> identityAccessLog(@PathVariable String id) {
        return queries.identityAccessLog(id, Callers.current());
    }

    private static ResponseEntity<CaseView> tagged(CaseView view) {
        return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
    }
}
