package org.danvan.web.sessions;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.danvan.web.api.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Session and petition-duty calls through the gateway, with the user's token (feedback-service lets cadres and reviewers). */
@Component
class SessionsApi {

    private final RestClient gateway;

    SessionsApi(RestClient gateway) {
        this.gateway = gateway;
    }

    /** The sessions of a unit's subtree, the latest first. */
    List<SessionViews.Session> sessions(String unit) {
        SessionViews.Session[] sessions = Problems.call(() -> gateway.get().uri("/api/v1/sessions?unit={unit}", unit)
                .retrieve().body(SessionViews.Session[].class));
        return sessions == null ? List.of() : Arrays.stream(sessions)
                .sorted(Comparator.comparing(SessionViews.Session::heldOn, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    SessionViews.Session get(String id) {
        return Problems.call(() -> gateway.get().uri("/api/v1/sessions/{id}", id).retrieve().body(SessionViews.Session.class));
    }

    SessionViews.Session record(Map<String, Object> body) {
        return Problems.call(() -> gateway.post().uri("/api/v1/sessions").body(body).retrieve().body(SessionViews.Session.class));
    }

    void fulfil(String id, int commitment, LocalDate on) {
        Problems.call(() -> gateway.post().uri("/api/v1/sessions/{id}/commitments/{n}/fulfil", id, commitment)
                .body(Map.of("on", on.toString())).retrieve().toBodilessEntity());
    }

    /** The petitions a unit answers for, with the duties their signatures created. */
    List<SessionViews.Petition> petitions(String unit) {
        SessionViews.Petition[] petitions = Problems.call(() -> gateway.get().uri("/api/v1/petitions?unit={unit}", unit)
                .retrieve().body(SessionViews.Petition[].class));
        return petitions == null ? List.of() : Arrays.asList(petitions);
    }
}
