package org.danvan.feedback.sessions;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.security.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    ResponseEntity<SessionView> record(@Valid @RequestBody SessionRequests.Record request) {
        SessionView held = sessions.record(request, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + held.id())).body(held);
    }

    @GetMapping
    List<SessionView> search(@RequestParam(required = false) String unit, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return sessions.search(unit, from, to, Callers.current());
    }

    /** Units whose secretary held fewer reception days in {@code month} (e.g. 2026-11) than required. */
    @GetMapping("/reception-shortfalls")
    List<Sessions.ReceptionShortfall> receptionShortfalls(@RequestParam YearMonth month, @RequestParam(required = false) String unit) {
        return sessions.receptionShortfalls(unit, month, Callers.current());
    }

    @GetMapping("/{id}")
    ResponseEntity<SessionView> get(@PathVariable String id) {
        SessionView view = sessions.get(id, Callers.current());
        return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
    }

    @PostMapping("/{id}/matters/{number}/case")
    SessionView fileMatter(@PathVariable String id, @PathVariable int number, @Valid @RequestBody SessionRequests.MatterCase request) {
        return sessions.fileMatter(id, number, request, Callers.current());
    }

    @PostMapping("/{id}/commitments/{number}/fulfil")
    SessionView fulfil(@PathVariable String id, @PathVariable int number,
            @Valid @RequestBody(required = false) SessionRequests.Fulfil request) {
        return sessions.fulfil(id, number, request, Callers.current());
    }
}
