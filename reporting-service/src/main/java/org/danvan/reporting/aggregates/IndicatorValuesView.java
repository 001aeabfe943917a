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

    /** Exports say which tree they follow: the one of the period, so a unit merged away since still has its figures. */
    public String treeNote() {
        return "Số liệu theo cây đơn vị của kỳ " + period + ", không theo cây hiện tại / Figures follow the unit tree of "
                + period + ", not today's";
    }

    public record Row(String unitId, String code, String name, String level, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, int reportedUnits, int expectedUnits) {
    }
}
