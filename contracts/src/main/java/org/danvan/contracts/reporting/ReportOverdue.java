package org.danvan.contracts.reporting;

import java.time.LocalDate;

/**
 * {@code danvan.report.overdue.v1}: the unit owed a report of {@code formCode} for {@code period}, due on
 * {@code dueOn}, and none was accepted by then. Published once per (form, unit, period).
 */
public record ReportOverdue(String formCode, String unitId, String period, LocalDate dueOn, LocalDate detectedOn) {
}
