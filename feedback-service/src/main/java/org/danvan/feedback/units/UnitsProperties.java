package org.danvan.feedback.units;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The unit levels from the top of the tree down ({@code danvan.units.levels}), as directive-service has them. */
@Validated
@ConfigurationProperties("danvan.units")
public record UnitsProperties(@NotEmpty List<String> levels) {
}
