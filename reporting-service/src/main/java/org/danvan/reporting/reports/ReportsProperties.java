package org.danvan.reporting.reports;


import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param graceDays days after a period ends by which its report is due; a later first submission is marked late
 */
@Validated
@ConfigurationProperties("danvan.reports")
public record ReportsProperties(@PositiveOrZero @Max(366) @DefaultValue("15") int graceDays) {
}
