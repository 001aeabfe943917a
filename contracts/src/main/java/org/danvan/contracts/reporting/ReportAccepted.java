package org.danvan.contracts.reporting;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code danvan.report.accepted.v1}: a report was accepted by the unit above, or an accepted report was
 * revised. A later revision replaces — never adds to — the values of every earlier one.
 *
 * @param revision   1 for the acceptance, then one more for every audited revision
 * @param period     {@code 2025}, {@code 2025H1} or {@code 2025Q3}
 * @param values     raw values by data-element code
 * @param late       first submitted after the period's due date
 * @param acceptedOn the day this revision was accepted
 */
public record ReportAccepted(String reportId, int revision, String formCode, String unitId, String period,
        Map<String, ReportedValue> values, boolean late, LocalDate acceptedOn) {

    /**
     * One raw value: a number for counts and amounts, true or false for yes/no elements.
     *
     * @param provisional the unit may still correct it
     * @param estimated   estimated rather than counted
     */
    public record ReportedValue(Object value, boolean provisional, boolean estimated) {
    }
}
