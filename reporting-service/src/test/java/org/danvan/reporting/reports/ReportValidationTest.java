package org.danvan.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.danvan.reporting.catalogue.AggregationType;
import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.LocalizedText;
import org.danvan.reporting.catalogue.SumExpression;
import org.danvan.reporting.catalogue.ValueType;
import org.danvan.reporting.forms.Comparison;
import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ValidationRule;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.junit.jupiter.api.Test;

class ReportValidationTest {

    private static final Map<String, DataElement> CATALOGUE = Map.of(
            "RESIDENTS", element("RESIDENTS", ValueType.INTEGER),
            "MEMBERS_ENROLLED", element("MEMBERS_ENROLLED", ValueType.INTEGER),
            "RESIDENTIAL_AREAS", element("RESIDENTIAL_AREAS", ValueType.INTEGER),
            "EXEMPLARY_AREAS", element("EXEMPLARY_AREAS", ValueType.INTEGER),
            "MODEL_AREAS", element("MODEL_AREAS", ValueType.INTEGER),
            "RATED_GOOD_OR_BETTER", element("RATED_GOOD_OR_BETTER", ValueType.BOOLEAN),
            "BUDGET", element("BUDGET", ValueType.NUMBER),
            "CADRES", element("CADRES", ValueType.INTEGER));

    private static final ReportForm FORM = new ReportForm("TEST", new LocalizedText("Mẫu thử", "Test form"),
            PeriodType.SEMIANNUAL,
            List.of(new ReportForm.Element("RESIDENTS", true), new ReportForm.Element("MEMBERS_ENROLLED", true),
                    new ReportForm.Element("RESIDENTIAL_AREAS", true), new ReportForm.Element("EXEMPLARY_AREAS", true),
                    new ReportForm.Element("MODEL_AREAS", false), new ReportForm.Element("RATED_GOOD_OR_BETTER", false),
                    new ReportForm.Element("BUDGET", false)),
            List.of(rule("ENROLLED_WITHIN_RESIDENTS", "MEMBERS_ENROLLED", "RESIDENTS"),
                    rule("EXEMPLARY_WITHIN_AREAS", "EXEMPLARY_AREAS", "RESIDENTIAL_AREAS"),
                    rule("MODEL_WITHIN_EXEMPLARY", "MODEL_AREAS", "EXEMPLARY_AREAS")));

    private static DataElement element(String code, ValueType type) {
        return new DataElement(code, new LocalizedText(code, code), type, AggregationType.SUM);
    }

    private static ValidationRule rule(String code, String left, String right) {
        return new ValidationRule(code, new LocalizedText("Quy tắc " + code, "Rule " + code), SumExpression.parse(left),
                Comparison.LE, SumExpression.parse(right));
    }

    private static Map<String, ReportValidation.RawValue> raw(Object... codesAndValues) {
        Map<String, ReportValidation.RawValue> raw = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            raw.put((String) codesAndValues[i], new ReportValidation.RawValue(codesAndValues[i + 1], null, null));
        }
        return raw;
    }

    private static List<Violation> check(Map<String, ReportValidation.RawValue> raw, boolean complete) {
        List<Violation> violations = new ArrayList<>();
        Map<String, ReportValue> values = ReportValidation.values(FORM, CATALOGUE, raw, violations);
        ReportValidation.rules(FORM, values, complete, Locale.ENGLISH, violations);
        return violations;
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aConsistentCompleteReportHasNoViolation() {
        assertThat(check(raw("RESIDENTS", 1000, "MEMBERS_ENROLLED", 950, "RESIDENTIAL_AREAS", 12,
                "EXEMPLARY_AREAS", 7, "MODEL_AREAS", 4), true)).isEmpty();
    }

    @Test
    void namesEveryFailingRuleOfAChainAtOnce() {
        List<Violation> violations = check(raw("RESIDENTS", 1000, "MEMBERS_ENROLLED", 1001, "RESIDENTIAL_AREAS", 5,
                "EXEMPLARY_AREAS", 6, "MODEL_AREAS", 7), true);

        assertThat(fields(violations)).containsExactly("rules.ENROLLED_WITHIN_RESIDENTS", "rules.EXEMPLARY_WITHIN_AREAS",
                "rules.MODEL_WITHIN_EXEMPLARY");
        Violation first = violations.getFirst();
        assertThat(first.messageCode()).isEqualTo("report.rule-failed");
        assertThat(first.arguments()).containsExactly("ENROLLED_WITHIN_RESIDENTS", "Rule ENROLLED_WITHIN_RESIDENTS",
                "MEMBERS_ENROLLED <= RESIDENTS", "1001", "1000");
    }

    @Test
    void aRuleWithAMissingOperandWaitsButASubmissionNeedsEveryRequiredValue() {
        Map<String, ReportValidation.RawValue> partial = raw("MEMBERS_ENROLLED", 5000, "MODEL_AREAS", 3);

        assertThat(check(partial, false)).isEmpty();
        assertThat(fields(check(partial, true))).containsExactlyInAnyOrder("values.RESIDENTS",
                "values.RESIDENTIAL_AREAS", "values.EXEMPLARY_AREAS");
    }

    @Test
    void countsAreNonNegativeWholeNumbersAndAnswersAreYesOrNo() {
        List<Violation> violations = check(raw("RESIDENTS", -1, "MEMBERS_ENROLLED", new BigDecimal("2.5"),
                "RESIDENTIAL_AREAS", "mười", "EXEMPLARY_AREAS", true, "RATED_GOOD_OR_BETTER", 3, "BUDGET", -0.5), false);

        assertThat(violations).extracting(Violation::field, Violation::messageCode).containsExactly(
                tuple("values.RESIDENTS", "report.value.integer"),
                tuple("values.MEMBERS_ENROLLED", "report.value.integer"),
                tuple("values.RESIDENTIAL_AREAS", "report.value.integer"),
                tuple("values.EXEMPLARY_AREAS", "report.value.integer"),
                tuple("values.RATED_GOOD_OR_BETTER", "report.value.boolean"),
                tuple("values.BUDGET", "report.value.number"));
    }

    @Test
    void readsSpreadsheetTextWithVietnameseSeparatorsAndAnswers() {
        List<Violation> violations = new ArrayList<>();
        Map<String, ReportValue> values = ReportValidation.values(FORM, CATALOGUE, raw("RESIDENTS", "53.486",
                "MEMBERS_ENROLLED", "12 000", "RESIDENTIAL_AREAS", "4.0", "RATED_GOOD_OR_BETTER", "Có", "BUDGET", "12,5"),
                violations);

        assertThat(violations).isEmpty();
        assertThat(values.get("RESIDENTS").number()).isEqualByComparingTo("53486");
        assertThat(values.get("MEMBERS_ENROLLED").number()).isEqualByComparingTo("12000");
        assertThat(values.get("RESIDENTIAL_AREAS").number()).isEqualByComparingTo("4");
        assertThat(values.get("RATED_GOOD_OR_BETTER").answer()).isTrue();
        assertThat(values.get("BUDGET").number()).isEqualByComparingTo("12.5");
    }

    @Test
    void refusesElementsTheFormDoesNotCollect() {
        assertThat(check(raw("CADRES", 3, "NO_SUCH_ELEMENT", 1), false)).extracting(Violation::field, Violation::messageCode)
                .containsExactly(tuple("values.CADRES", "report.value.not-in-form"),
                        tuple("values.NO_SUCH_ELEMENT", "report.value.not-in-form"));
    }

    @Test
    void keepsTheProvisionalAndEstimatedMarks() {
        Map<String, ReportValidation.RawValue> raw = Map.of("RESIDENTS", new ReportValidation.RawValue(1000, true, null),
                "MEMBERS_ENROLLED", new ReportValidation.RawValue(900, null, true));
        Map<String, ReportValue> values = ReportValidation.values(FORM, CATALOGUE, raw, new ArrayList<>());

        assertThat(values.get("RESIDENTS")).isEqualTo(new ReportValue(new BigDecimal("1000"), null, true, false));
        assertThat(values.get("MEMBERS_ENROLLED")).isEqualTo(new ReportValue(new BigDecimal("900"), null, false, true));
    }
}
