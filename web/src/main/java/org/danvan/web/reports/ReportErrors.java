package org.danvan.web.reports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.danvan.web.api.ApiProblem;

/**
 * reporting-service's problem split for the form: {@code values.CODE} beside the element's field,
 * {@code rules.CODE} beside the rule, anything else as the page's message.
 */
public record ReportErrors(Map<String, String> fields, Map<String, String> rules, ApiProblem problem) {

    static final ReportErrors NONE = new ReportErrors(Map.of(), Map.of(), null);

    static ReportErrors of(ApiProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        boolean other = problem.errors().isEmpty();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            if (field.startsWith("values.")) {
                fields.merge(field.substring("values.".length()), error.message(), (a, b) -> a + " " + b);
            } else if (field.startsWith("rules.")) {
                rules.put(field.substring("rules.".length()), error.message());
            } else {
                other = true;
            }
        }
        return new ReportErrors(fields, rules, other ? problem : null);
    }

    /** The element's own value is refused, or a refused rule of {@code form} names it: its field is marked invalid. */
    public boolean marks(String element, ReportViews.Form form) {
        return fields.containsKey(element) || form.rules().stream().anyMatch(rule -> rules.containsKey(rule.code())
                && java.util.Arrays.asList(rule.expression().split("[^A-Z0-9_]+")).contains(element));
    }
}
