package org.danvan.web.directives;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.danvan.web.api.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The directive calls through the gateway, with the user's token: directive-service decides who may see and do what. */
@Component
class DirectivesApi {

    private final RestClient gateway;

    DirectivesApi(RestClient gateway) {
        this.gateway = gateway;
    }

    /** A directive with the ETag a change sends back as If-Match. */
    record Loaded(DirectiveViews.Directive directive, String etag) {
    }

    DirectiveViews.Page search(String text, int page) {
        return Problems.call(() -> gateway.get().uri(builder -> builder.path("/api/v1/directives")
                        .queryParamIfPresent("q", Optional.ofNullable(text).filter(t -> !t.isBlank()))
                        .queryParam("page", page).queryParam("size", 20).build())
                .retrieve().body(DirectiveViews.Page.class));
    }

    Loaded get(String id) {
        ResponseEntity<DirectiveViews.Directive> answer = Problems.call(() -> gateway.get().uri("/api/v1/directives/{id}", id)
                .retrieve().toEntity(DirectiveViews.Directive.class));
        return new Loaded(answer.getBody(), answer.getHeaders().getFirst(HttpHeaders.ETAG));
    }

    List<DirectiveViews.Directive> versions(String id) {
        DirectiveViews.Directive[] versions = Problems.call(() -> gateway.get().uri("/api/v1/directives/{id}/versions", id)
                .retrieve().body(DirectiveViews.Directive[].class));
        return versions == null ? List.of() : Arrays.asList(versions);
    }

    DirectiveViews.Compliance compliance(String id, Integer days) {
        return Problems.call(() -> gateway.get().uri(builder -> builder.path("/api/v1/directives/{id}/compliance")
                        .queryParamIfPresent("withoutPlanAfterDays", Optional.ofNullable(days)).build(id))
                .retrieve().body(DirectiveViews.Compliance.class));
    }

    DirectiveViews.Directive create(Map<String, Object> body) {
        return Problems.call(() -> gateway.post().uri("/api/v1/directives").body(body).retrieve().body(DirectiveViews.Directive.class));
    }

    void issue(String id, String etag) {
        Problems.call(() -> gateway.post().uri("/api/v1/directives/{id}/issue", id).header(HttpHeaders.IF_MATCH, etag)
                .retrieve().toBodilessEntity());
    }

    void acknowledge(String id, String unitId, LocalDate on) {
        Problems.call(() -> gateway.post().uri("/api/v1/directives/{id}/acknowledgements", id)
                .body(Map.of("unitId", unitId, "acknowledgedOn", on.toString())).retrieve().toBodilessEntity());
    }

    /** The indicators a target may name (reporting-service's catalogue), in the user's language. */
    List<DirectiveViews.Indicator> indicators() {
        DirectiveViews.Indicator[] indicators = Problems.call(() -> gateway.get().uri("/api/v1/indicators")
                .retrieve().body(DirectiveViews.Indicator[].class));
        return indicators == null ? List.of() : Arrays.asList(indicators);
    }
}
