package org.danvan.reporting.aggregates;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled check for reports not accepted by their due date.
 *
 * @param interval     how often the check runs
 * @param lookbackDays periods that ended more than this many days ago are not checked any more (their
 *                     overdue events were published while they were recent)
 * @param graceDays    days after a period ends by which its report is due (as {@code danvan.reports.grace-days})
 */
@Validated
@ConfigurationProperties("danvan.reports-overdue")
record ReportOverdueProperties(
        @NotNull @DefaultValue("PT15M") Duration interval,
        @Min(1) @Max(3660) @DefaultValue("400") int lookbackDays,
        @PositiveOrZero @Max(366) @DefaultValue("15") int graceDays) {
}
