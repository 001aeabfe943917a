package org.danvan.feedback.sessions;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many reception days a month the party secretary of a unit must hold, by unit level, and which kinds of
 * unit have such a secretary ({@code danvan.sessions}).
 */
@Validated
@ConfigurationProperties("danvan.sessions")
record SessionsProperties(@NotEmpty Map<String, Integer> receptionDaysPerMonth, @NotEmpty java.util.List<String> hostKinds) {
}
