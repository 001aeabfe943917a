package org.danvan.web.reports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.danvan.web.api.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The report calls through the gateway, with the user's token: reporting-service decides who may do what. */
@Component
class ReportsApi {

    private final RestClient gateway;

    ReportsApi(RestClient gateway) {
        this.gateway = gateway;
    }

    List<ReportViews.Form> forms() {
        return list(Problems.call(() -> gateway.get().uri("/api/v1/report-forms").retrieve().body(ReportViews.Form[].class)));
    }

    ReportViews.Form form(String code) {
        return Problems.call(() -> gateway.get().uri("/api/v1/report-forms/{code}", code).retrieve().body(ReportViews.Form.class));
    }

    /** Reports in the caller's subtree; each filter only when given. */
    List<ReportViews.Report> search(String unit, String period, String form, String status) {
        return list(Problems.call(() -> gateway.get().uri(builder -> builder.path("/api/v1/reports")
                        .queryParamIfPresent("unit", Optional.ofNullable(unit)).queryParamIfPresent("period", Optional.ofNullable(period))
                        .queryParamIfPresent("form", Optional.ofNullable(form)).queryParamIfPresent("status", Optional.ofNullable(status))
                        .build())
                .retrieve().body(ReportViews.Report[].class)));
    }

    ReportViews.Report get(String id) {
        return Problems.call(() -> gateway.get().uri("/api/v1/reports/{id}", id).retrieve().body(ReportViews.Report.class));
    }

    List<ReportViews.Revision> revisions(String id) {
        return list(Problems.call(() -> gateway.get().uri("/api/v1/reports/{id}/revisions", id).retrieve()
                .body(ReportViews.Revision[].class)));
    }

    ReportViews.Report create(String form, String unit, String period, Map<String, String> values) {
        return Problems.call(() -> gateway.post().uri("/api/v1/reports")
                .body(Map.of("formCode", form, "unitId", unit, "period", period, "values", raw(values)))
                .retrieve().body(ReportViews.Report.class));
    }

    ReportViews.Report updateValues(String id, long version, Map<String, String> values) {
        return Problems.call(() -> gateway.put().uri("/api/v1/reports/{id}/values", id).header("If-Match", etag(version))
                .body(Map.of("values", raw(values))).retrieve().body(ReportViews.Report.class));
    }

    /** A step without a body ({@code submit}, {@code accept}) or with one ({@code return}, {@code revise}). */
    ReportViews.Report step(String id, long version, String action, Object body) {
        return Problems.call(() -> {
            RestClient.RequestBodySpec request = gateway.post().uri("/api/v1/reports/{id}/{action}", id, action)
                    .header("If-Match", etag(version));
            return (body == null ? request : request.body(body)).retrieve().body(ReportViews.Report.class);
        });
    }

    List<ReportViews.Indicator> indicators() {
        return list(Problems.call(() -> gateway.get().uri("/api/v1/indicators").retrieve().body(ReportViews.Indicator[].class)));
    }

    ReportViews.IndicatorValue indicatorValue(String code, String unit, String period) {
        return Problems.call(() -> gateway.get().uri("/api/v1/indicators/{code}/values?unit={unit}&period={period}", code, unit, period)
                .retrieve().body(ReportViews.IndicatorValue.class));
    }

    /**
     * The values as typed (the API reads Vietnamese and English separators and yes/no words itself), blank ones
     * left out: a draft may be incomplete.
     */
    static Map<String, Map<String, String>> raw(Map<String, String> values) {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        values.forEach((code, value) -> {
            if (value != null && !value.isBlank()) {
                raw.put(code, Map.of("value", value.trim()));
            }
        });
        return raw;
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static <T> List<T> list(T[] items) {
        return items == null ? List.of() : Arrays.asList(items);
    }
}
