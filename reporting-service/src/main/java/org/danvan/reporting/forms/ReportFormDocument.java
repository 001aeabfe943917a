package org.danvan.reporting.forms;

import java.util.List;

import org.danvan.reporting.catalogue.LocalizedText;
import org.danvan.reporting.catalogue.SumExpression;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Rule expressions are stored as written ({@code "A + B"}) and parsed on read. */
@Document("report_forms")
record ReportFormDocument(@Id String code, LocalizedText name, PeriodType periodType, List<ReportForm.Element> elements,
        List<Rule> rules) {

    record Rule(String code, LocalizedText name, String left, Comparison comparison, String right) {
    }

    ReportForm form() {
        return new ReportForm(code, name, periodType, elements, rules.stream().map(r -> new ValidationRule(r.code(),
                r.name(), SumExpression.parse(r.left()), r.comparison(), SumExpression.parse(r.right()))).toList());
    }
}
