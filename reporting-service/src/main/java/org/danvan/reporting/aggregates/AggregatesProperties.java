package org.danvan.reporting.aggregates;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param formLevels the unit levels that owe each form (form code → levels); a form not listed is expected
 *                   from the lowest units of the subtree
 */
@ConfigurationProperties("danvan.aggregates")
record AggregatesProperties(@DefaultValue Map<String, List<String>> formLevels) {

    AggregatesProperties {
        formLevels = formLevels == null ? Map.of() : Map.copyOf(formLevels);
    }

    List<String> levelsOf(String formCode) {
        return formLevels.getOrDefault(formCode, List.of());
    }
}
