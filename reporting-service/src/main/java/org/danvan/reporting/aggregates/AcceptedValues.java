package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.danvan.reporting.forms.ReportingPeriod;

/**
 * The latest accepted revision of one report: the values aggregates are built from.
 *
 * @param numbers raw numbers by data-element code
 * @param answers yes/no answers by data-element code
 */
record AcceptedValues(String reportId, int revision, String formCode, String unitId, ReportingPeriod period,
        Map<String, BigDecimal> numbers, Map<String, Boolean> answers, boolean late, LocalDate acceptedOn) {

    AcceptedValues {
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    boolean carries(String elementCode) {
        return numbers.containsKey(elementCode) || answers.containsKey(elementCode);
    }
}
