package org.danvan.web.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The case calls staff make through the gateway, with their own token: the API decides what each may see and do. */
@Component
public class StaffCases {

    private final RestClient gateway;

    StaffCases(RestClient gateway) {
        this.gateway = gateway;
    }

    /** The cases of a unit's subtree (the caller's own when {@code unit} is null), by deadline, overdue first. */
    public List<CaseViews.StaffCase> queue(String unit) {
        CaseViews.StaffCase[] cases = Problems.call(() -> gateway.get()
                .uri(builder -> builder.path("/api/v1/cases").queryParamIfPresent("unit", Optional.ofNullable(unit)).build())
                .retrieve().body(CaseViews.StaffCase[].class));
        return cases == null ? List.of() : Arrays.stream(cases).sorted(CaseViews.BY_DEADLINE).toList();
    }

    CaseViews.StaffCase get(String id) {
        return Problems.call(() -> gateway.get().uri("/api/v1/cases/{id}", id).retrieve().body(CaseViews.StaffCase.class));
    }

    /** Open cases that may be the same matter; none when the caller may not look for them. */
    List<CaseViews.Duplicate> duplicates(String id) {
        try {
            CaseViews.Duplicate[] found = Problems.call(() -> gateway.get().uri("/api/v1/cases/{id}/duplicates", id)
                    .retrieve().body(CaseViews.Duplicate[].class));
            return found == null ? List.of() : List.of(found);
        } catch (ApiProblemException notAllowed) {
            return List.of();
        }
    }

    /** The citizens behind the case; the API checks the reader and logs the opening with its purpose. */
    List<CaseViews.Identity> identity(String id, String purpose) {
        CaseViews.Identity[] found = Problems.call(() -> gateway.get()
                .uri(builder -> builder.path("/api/v1/cases/{id}/identity").queryParam("purpose", purpose).build(id))
                .retrieve().body(CaseViews.Identity[].class));
        return found == null ? List.of() : List.of(found);
    }

    /** One step, sent with the version the page showed: a step on a case changed meanwhile is refused (409/412). */
    void step(String id, String action, StepForm form) {
        Problems.call(() -> gateway.post().uri("/api/v1/cases/{id}/{action}", id, action)
                .header("If-Match", "\"" + form.getVersion() + "\"").body(form.body(action))
                .retrieve().toBodilessEntity());
    }
}
