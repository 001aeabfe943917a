package org.danvan.reporting.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.danvan.reporting.catalogue.LocalizedText;

/** What a unit reports each period: the data elements collected and the rules their values keep. */
public record ReportForm(String code, LocalizedText name, PeriodType periodType, List<Element> elements,
        List<ValidationRule> rules) {

    public ReportForm {
        elements = List.copyOf(elements);
        rules = List.copyOf(rules);
    }

    /** A data element the form collects; a required one must have a value before the report is submitted. */
    public record Element(String code, boolean required) {
    }

    public Optional<Element> element(String code) {
        return elements.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public List<ValidationRule.Failure> failures(Map<String, BigDecimal> values) {
        return rules.stream().flatMap(rule -> rule.check(values).stream()).toList();
    }
}
