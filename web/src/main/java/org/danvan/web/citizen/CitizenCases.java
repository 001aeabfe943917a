package org.danvan.web.citizen;

import java.util.List;

import org.danvan.web.api.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The case calls a citizen makes through the gateway: file, track, and find the area by its place name. */
@Component
class CitizenCases {

    /** The secret travels in a header, never in a URL (as the API wants). */
    private static final String SECRET_HEADER = "X-Tracking-Secret";
    private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final RestClient gateway;

    CitizenCases(RestClient gateway) {
        this.gateway = gateway;
    }

    /** Files the case once, however often the form is sent (a double click, a reload, a retry). */
    CaseApi.FiledCase file(FileCaseForm form) {
        return Problems.call(() -> gateway.post().uri("/api/v1/cases").body(form.toRequest())
                .headers(headers -> {
                    if (form.getIdempotencyKey() != null && !form.getIdempotencyKey().isBlank()) {
                        headers.set(IDEMPOTENCY_HEADER, form.getIdempotencyKey());
                    }
                })
                .retrieve().body(CaseApi.FiledCase.class));
    }

    CaseApi.PublicCase track(String code, String secret) {
        return Problems.call(() -> gateway.get().uri("/api/v1/cases/track/{code}", code.trim())
                .header(SECRET_HEADER, secret.trim()).retrieve().body(CaseApi.PublicCase.class));
    }

    /** Open units by place name, diacritics ignored: the one unit read a citizen may make without an account. */
    List<CaseApi.Place> places(String query) {
        CaseApi.Place[] places = Problems.call(() -> gateway.get().uri("/api/v1/units/places?q={q}", query)
                .retrieve().body(CaseApi.Place[].class));
        return places == null ? List.of() : List.of(places);
    }
}
