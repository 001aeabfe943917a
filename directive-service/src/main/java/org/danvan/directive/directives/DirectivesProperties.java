package org.danvan.directive.directives;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param indicatorCodes the indicator catalogue targets may refer to (reporting-service defines them)
 * @param planDueDays    days after the issue date by which recipients should have filed a plan
 */
@Validated
@ConfigurationProperties("danvan.directives")
public record DirectivesProperties(@NotEmpty List<String> indicatorCodes, @Positive @DefaultValue("30") int planDueDays) {
}
