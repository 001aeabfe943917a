package org.danvan.feedback.cases;

import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Case handling settings ({@code danvan.cases}): the level of unit that handles each kind in an area, and
 * after how many days an open matter counts as prolonged.
 */
@Validated
@ConfigurationProperties("danvan.cases")
record CasesProperties(@NotEmpty Map<CaseKind, String> routing, @Min(1) int prolongedAfterDays) {
}
