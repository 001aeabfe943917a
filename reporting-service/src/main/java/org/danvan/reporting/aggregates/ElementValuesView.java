package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.List;

import org.danvan.reporting.catalogue.AggregationType;

/** A data element aggregated over a unit's subtree as the tree was during the period, with one row per child. */
public record ElementValuesView(String elementCode, AggregationType aggregation, String unitId, String unitName,
        String period, BigDecimal value, int reportedUnits, int expectedUnits, List<Row> children) {

    public record Row(String unitId, String code, String name, String level, BigDecimal value, int reportedUnits,
            int expectedUnits) {
    }
}
