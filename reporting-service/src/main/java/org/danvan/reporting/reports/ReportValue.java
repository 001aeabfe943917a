package org.danvan.reporting.reports;

import java.math.BigDecimal;

/**
 * One raw value as stored: {@code number} for counts and amounts, {@code answer} for yes/no elements.
 *
 * @param provisional the unit may still correct it
 * @param estimated   estimated rather than counted
 */
record ReportValue(BigDecimal number, Boolean answer, boolean provisional, boolean estimated) {

    Object value() {
        return number != null ? number : answer;
    }
}
