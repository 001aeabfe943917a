package org.danvan.web.unit;

import java.util.List;
import java.util.stream.Collectors;

import org.danvan.web.api.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The dashboard's reads through the gateway, with the user's token: the API decides what each may see. */
@Component
class UnitFigures {

    private final RestClient gateway;

    UnitFigures(RestClient gateway) {
        this.gateway = gateway;
    }

    /** The directives the user may see that bind today (issued or amended). */
    List<ReportingApi.Directive> directivesInForce() {
        ReportingApi.DirectivePage page = Problems.call(() -> gateway.get().uri("/api/v1/directives?size=500")
                .retrieve().body(ReportingApi.DirectivePage.class));
        return page == null ? List.of() : page.items().stream().filter(ReportingApi.Directive::inForce).toList();
    }

    List<ReportingApi.Target> targets(String directiveId) {
        ReportingApi.Target[] targets = Problems.call(() -> gateway.get().uri("/api/v1/targets?directive={id}", directiveId)
                .retrieve().body(ReportingApi.Target[].class));
        return targets == null ? List.of() : List.of(targets);
    }

    /** A target's attainment for each period, in that order, of the units at and below {@code unit}. */
    List<ReportingApi.Attainment> attainments(String directiveId, String targetId, List<Periods> periods, String unit) {
        String query = periods.stream().map(p -> "period=" + p).collect(Collectors.joining("&"));
        ReportingApi.Attainment[] series = Problems.call(() -> gateway.get()
                .uri("/api/v1/targets/{d}/{t}/attainments?" + query + "&unit={u}", directiveId, targetId, unit)
                .retrieve().body(ReportingApi.Attainment[].class));
        return series == null ? List.of() : List.of(series);
    }

    /** Every standing form's completeness below the unit, in the user's language. */
    List<ReportingApi.FormCompleteness> completeness(String unit, Periods period) {
        ReportingApi.FormCompleteness[] forms = Problems.call(() -> gateway.get()
                .uri("/api/v1/completeness/forms?unit={u}&period={p}", unit, period)
                .retrieve().body(ReportingApi.FormCompleteness[].class));
        return forms == null ? List.of() : List.of(forms);
    }

    ReportingApi.DutyCompleteness duty(String directiveId, Periods period) {
        return Problems.call(() -> gateway.get().uri("/api/v1/duties/{id}/completeness?period={p}", directiveId, period)
                .retrieve().body(ReportingApi.DutyCompleteness.class));
    }

    /** reporting-service's own export of an indicator's table ({@code csv} or {@code xlsx}), passed on as it comes. */
    ResponseEntity<byte[]> indicatorExport(String indicator, String unit, Periods period, String format) {
        return Problems.call(() -> gateway.get().uri("/api/v1/indicators/{code}/values.{format}?unit={u}&period={p}",
                indicator, format, unit, period).retrieve().toEntity(byte[].class));
    }
}
