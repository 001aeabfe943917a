package org.danvan.web.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Report forms, reports and figures as reporting-service answers them: only what the pages show. */
public final class ReportViews {

    private ReportViews() {
    }

    /** A form as the API serves it in the user's language, with the rules its values keep. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Form(String code, String name, String periodType, List<Element> elements, List<Rule> rules) {

        public Form {
            elements = elements == null ? List.of() : elements;
            rules = rules == null ? List.of() : rules;
        }
    }

    /** {@code valueType}: INTEGER (a count), NUMBER (an amount) or BOOLEAN (yes/no). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Element(String code, String name, String valueType, boolean required) {

        public boolean yesNo() {
            return "BOOLEAN".equals(valueType);
        }
    }

    /** {@code expression}: sums of element codes compared, {@code "MEMBERS_ENROLLED <= RESIDENTS"}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String code, String name, String expression) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String id, String formCode, String unitId, String period, String status, Map<String, Value> values,
            LocalDate dueOn, LocalDate submittedOn, Boolean late, List<Returned> returns, LocalDate acceptedOn, int revision,
            long storeVersion) {

        public Report {
            values = values == null ? Map.of() : values;
            returns = returns == null ? List.of() : returns;
        }

        public boolean editable() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(Object value, Boolean provisional, Boolean estimated) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Returned(LocalDate returnedOn, List<String> reasons) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(int revision, Map<String, Value> values, String reason, LocalDate acceptedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String name, String numerator, String denominator, int factor) {

        /** The element codes the indicator is computed from. */
        List<String> codes() {
            String all = denominator == null ? numerator : numerator + " + " + denominator;
            return java.util.Arrays.stream(all.split("\\+")).map(String::trim).toList();
        }
    }

    /** An indicator for a unit's subtree over a period; {@code value} is null without data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorValue(String indicatorCode, String period, BigDecimal value, Integer reportedUnits, Integer expectedUnits) {
    }

    /** One figure shown beside a report: an indicator computed from the form's elements, for the report's unit and period. */
    public record Figure(Indicator indicator, BigDecimal value) {
    }
}
