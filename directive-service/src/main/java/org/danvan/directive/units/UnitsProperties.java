package org.danvan.directive.units;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The named levels of the unit tree, from the top down, and the kinds of unit. Both are configuration: the
 * 2025 reform removed the district level without changing any code.
 *
 * @param levels levels from the top of the tree down; a unit's parent is at its own level or a higher one
 * @param kinds  the kinds a unit may have
 */
@Validated
@ConfigurationProperties("danvan.units")
public record UnitsProperties(@NotEmpty List<String> levels, @NotEmpty List<String> kinds) {

    int rank(String level) {
        return levels.indexOf(level);
    }

    void requireKnown(String kind, String level) {
        if (!kinds.contains(kind)) {
            throw new UnitProblems.UnknownValue("kind", kind, kinds);
        }
        if (!levels.contains(level)) {
            throw new UnitProblems.UnknownValue("level", level, levels);
        }
    }
}
