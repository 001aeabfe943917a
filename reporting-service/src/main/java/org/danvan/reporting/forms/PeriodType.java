package org.danvan.reporting.forms;

/** How often a form is reported: {@code 2025Q3}, {@code 2025H1}, {@code 2025}. */
public enum PeriodType {
    QUARTERLY, SEMIANNUAL, ANNUAL
}
