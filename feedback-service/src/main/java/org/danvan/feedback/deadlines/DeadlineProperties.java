package org.danvan.feedback.deadlines;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The legal time limits as configuration ({@code danvan.cases.deadlines}): laws change (Law 136/2025/QH15,
 * Conclusion 215-KL/TW), so nothing here is code. Each rule names the case kind, the step and, for
 * complaints, the round, and the article of law it comes from ({@code legalSource}), so that an operator can
 * check it against the law in force; {@code workingDays} says whether the limit counts working days (the
 * days off come from the {@link org.danvan.feedback.calendar.HolidayCalendar}).
 */
@Validated
@ConfigurationProperties("danvan.cases.deadlines")
public record DeadlineProperties(@NotEmpty List<@Valid Rule> rules) {

    /**
     * One limit. The variants apply to complex cases, to remote areas (miền núi, hải đảo, vùng sâu vùng
     * xa) and to both; {@code maxExtensions} per complexity and {@code extensionDays} govern extensions.
     */
    public record Rule(
            @NotNull String kind,
            @NotBlank String legalSource,
            @NotNull DeadlineStep step,
            Integer round,
            @Min(1) int days,
            Integer complexDays,
            Integer remoteDays,
            Integer remoteComplexDays,
            boolean workingDays,
            Integer extensionDays,
            Map<Complexity, Integer> maxExtensions) {

        int daysFor(Complexity complexity, boolean remote) {
            boolean complex = complexity != Complexity.NORMAL;
            if (remote && complex && remoteComplexDays != null) {
                return remoteComplexDays;
            }
            if (remote && remoteDays != null) {
                return remoteDays;
            }
            if (complex && complexDays != null) {
                return complexDays;
            }
            return days;
        }

        int maxExtensionsFor(Complexity complexity) {
            return maxExtensions == null ? 0 : maxExtensions.getOrDefault(complexity, 0);
        }
    }
}
