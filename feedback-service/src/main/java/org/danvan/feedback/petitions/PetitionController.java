package org.danvan.feedback.petitions;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collective petitions: anyone reads them and signs online; staff enter paper sheets, close and answer. */
@RestController
@RequestMapping("/api/v1/petitions")
class PetitionController {

    private final Petitions petitions;

    PetitionController(Petitions petitions) {
        this.petitions = petitions;
    }

    @PostMapping
    ResponseEntity<PetitionView> open(@Valid @RequestBody PetitionRequests.Open request) {
        PetitionView opened = petitions.open(request, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/petitions/" + opened.id())).body(opened);
    }

    @GetMapping
    List<PetitionView> search(@RequestParam(required = false) String unit, @RequestParam(required = false) PetitionStatus status,
            @RequestParam(required = false) String q) {
        return petitions.search(unit, status, q);
    }

    @GetMapping("/{id}")
    ResponseEntity<PetitionView> get(@PathVariable String id) {
        return tagged(petitions.get(id));
    }

    @PostMapping("/{id}/signatures")
    ResponseEntity<PetitionView> sign(@PathVariable String id, @Valid @RequestBody PetitionRequests.Sign request,
            HttpServletRequest http) {
        return tagged(petitions.sign(id, request, clientAddress(http)));
    }

    @PostMapping("/{id}/paper-signatures")
    Petitions.PaperSheetResult paper(@PathVariable String id, @Valid @RequestBody PetitionRequests.PaperSheet sheet) {
        return petitions.enterSheet(id, sheet, Callers.current());
    }

    @PostMapping("/{id}/close")
    ResponseEntity<PetitionView> close(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(petitions.close(id, ifMatch, Callers.current()));
    }

    @PostMapping("/{id}/answer")
    ResponseEntity<PetitionView> answer(@PathVariable String id, @Valid @RequestBody PetitionRequests.Answer request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(petitions.answer(id, request, ifMatch, Callers.current()));
    }

    /**
     * The client's address: the one the gateway writes into X-Forwarded-For from its connection, which Tomcat
     * takes only from a trusted proxy ({@code server.forward-headers-strategy=native}); a header a client sent
     * itself is never read.
     */
    private static String clientAddress(HttpServletRequest http) {
        return http.getRemoteAddr();
    }

    private static ResponseEntity<PetitionView> tagged(PetitionView view) {
        return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
    }
}
