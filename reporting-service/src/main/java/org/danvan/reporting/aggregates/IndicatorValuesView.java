package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator over a unit's subtree as the tree was during the period, with one row per child unit.
 *
 * @param value         numerator / denominator × factor (ratio of sums); null when data is missing
 * @param reportedUnits expected units with a report carrying the indicator's elements
 * @param expectedUnits units of the reporting levels open in the period below the unit
 */
public record IndicatorValuesView(String indicatorCode, String indicatorName, String unitId, String unitName,
        String period, BigDecimal numerator, BigDecimal denominator, int factor, BigDecimal value,
        int reportedUnits, int expectedUnits, List<Row> children) {

    public record Row(String unitId, String code, String name, String level, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, int reportedUnits, int expectedUnits) {
    }
}
