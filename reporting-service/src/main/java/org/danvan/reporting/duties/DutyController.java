package org.danvan.reporting.duties;

import org.danvan.support.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/duties}: the gateway routes {@code /api/v1/directives/**} to directive-service, so a
 * directive's reporting duty is read here under its directive id.
 */
@RestController
@RequestMapping("/api/v1/duties")
class DutyController {

    private final DutyCompleteness completeness;

    DutyController(DutyCompleteness completeness) {
        this.completeness = completeness;
    }

    @GetMapping("/{directiveId}/completeness")
    DutyCompletenessView completeness(@PathVariable String directiveId, @RequestParam("period") String period) {
        return completeness.of(Callers.current(), directiveId, period);
    }
}
