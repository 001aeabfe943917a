package org.danvan.feedback.cases;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a citizen does without an account, with the tracking code and the secret given on filing. The secret
 * travels in a header, never in the URL, so it stays out of access logs.
 */
@RestController
@RequestMapping("/api/v1/cases/track/{code}")
class CaseTrackingController {

    static final String SECRET_HEADER = "X-Tracking-Secret";

    private final CaseTracking cases;

    CaseTrackingController(CaseTracking cases) {
        this.cases = cases;
    }

    @GetMapping
    PublicCaseView track(@PathVariable String code, @RequestHeader(value = SECRET_HEADER, required = false) String secret) {
        return cases.track(code, secret);
    }

    @PostMapping("/information")
    PublicCaseView addInformation(@PathVariable String code, @RequestHeader(value = SECRET_HEADER, required = false) String secret,
            @Valid @RequestBody CaseRequests.CitizenInformation request) {
        return cases.addInformation(code, secret, request.information());
    }

    @PostMapping("/reopen")
    PublicCaseView reopen(@PathVariable String code, @RequestHeader(value = SECRET_HEADER, required = false) String secret,
            @Valid @RequestBody CaseRequests.CitizenReopen request) {
        return cases.reopen(code, secret, request.reason());
    }
}
