package org.danvan.contracts.directive;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quantitative target of a directive: indicator, comparator and threshold, the levels and unit kinds it
 * applies to, and the period it is judged over.
 */
public record TargetSpec(
        String targetId,
        String indicatorCode,
        Comparator comparator,
        BigDecimal threshold,
        BigDecimal upperThreshold,
        ThresholdUnit unit,
        List<String> levels,
        List<String> unitKinds,
        TargetPeriod period,
        String description) {

    public TargetSpec {
        levels = levels == null ? List.of() : List.copyOf(levels);
        unitKinds = unitKinds == null ? List.of() : List.copyOf(unitKinds);
    }

    public enum Comparator { GTE, GT, EQ, LTE, LT, BETWEEN }

    public enum ThresholdUnit { PERCENT, COUNT }
}
