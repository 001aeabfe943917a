package org.danvan.web.units;

import java.time.LocalDate;
import java.util.List;

import org.danvan.web.api.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The unit tree as the signed-in user reads and (as an operator) changes it, through the gateway. */
@Component
public class UnitTree {

    private final RestClient gateway;

    UnitTree(RestClient gateway) {
        this.gateway = gateway;
    }

    public UnitApi.Unit get(String code, LocalDate asOf) {
        return Problems.call(() -> gateway.get().uri("/api/v1/units/{code}?asOf={asOf}", code, asOf)
                .retrieve().body(UnitApi.Unit.class));
    }

    public List<UnitApi.Unit> children(String code, LocalDate asOf) {
        UnitApi.Page page = Problems.call(() -> gateway.get().uri("/api/v1/units/{code}/children?asOf={asOf}&size=1000", code, asOf)
                .retrieve().body(UnitApi.Page.class));
        return page == null ? List.of() : page.items();
    }

    /** The unit first, then its descendants level by level. */
    public List<UnitApi.Unit> subtree(String code, LocalDate asOf) {
        UnitApi.Unit[] units = Problems.call(() -> gateway.get().uri("/api/v1/units/{code}/subtree?asOf={asOf}&depth=6", code, asOf)
                .retrieve().body(UnitApi.Unit[].class));
        return units == null ? List.of() : List.of(units);
    }

    /** The chain of parents, nearest first. */
    public List<UnitApi.Unit> ancestors(String code, LocalDate asOf) {
        UnitApi.Unit[] units = Problems.call(() -> gateway.get().uri("/api/v1/units/{code}/ancestors?asOf={asOf}", code, asOf)
                .retrieve().body(UnitApi.Unit[].class));
        return units == null ? List.of() : List.of(units);
    }

    /** The units without a parent on {@code asOf}: those of the highest level that has any. */
    List<UnitApi.Unit> roots(LocalDate asOf) {
        for (String level : UnitApi.LEVELS) {
            UnitApi.Page page = Problems.call(() -> gateway.get().uri("/api/v1/units?level={level}&asOf={asOf}&size=1000", level, asOf)
                    .retrieve().body(UnitApi.Page.class));
            List<UnitApi.Unit> roots = page == null ? List.of() : page.items().stream().filter(u -> u.parentId() == null).toList();
            if (!roots.isEmpty()) {
                return roots;
            }
        }
        return List.of();
    }

    public UnitApi.Page search(String q, LocalDate asOf) {
        return Problems.call(() -> gateway.get().uri("/api/v1/units?q={q}&asOf={asOf}&size=100", q, asOf)
                .retrieve().body(UnitApi.Page.class));
    }

    void register(UnitApi.Register unit) {
        Problems.call(() -> gateway.post().uri("/api/v1/units").body(unit).retrieve().toBodilessEntity());
    }

    /** A change sent with the version the page showed: a unit changed meanwhile is refused (412). */
    void change(String code, String action, long version, Object body) {
        Problems.call(() -> gateway.post().uri("/api/v1/units/{code}/{action}", code, action)
                .header("If-Match", "\"" + version + "\"").body(body).retrieve().toBodilessEntity());
    }
}
