package org.danvan.web.unit;

import java.util.List;

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

    ReportingApi.Attainment attainment(String directiveId, String targetId, Periods period) {
        return Problems.call(() -> gateway.get().uri("/api/v1/targets/{d}/{t}/attainment?period={p}", directiveId, targetId, period)
                .retrieve().body(ReportingApi.Attainment.class));
    }

    List<ReportingApi.Form> forms() {
        ReportingApi.Form[] forms = Problems.call(() -> gateway.get().uri("/api/v1/report-forms").retrieve().body(ReportingApi.Form[].class));
        return forms == null ? List.of() : List.of(forms);
    }

    ReportingApi.FormCompleteness completeness(String form, String unit, Periods period) {
        return Problems.call(() -> gateway.get().uri("/api/v1/completeness?form={f}&unit={u}&period={p}", form, unit, period)
                .retrieve().body(ReportingApi.FormCompleteness.class));
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
