package org.danvan.reporting.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.directive.TargetSpec;

/**
 * A target's attainment for one period: per unit in its scope (the levels and unit kinds of the target under
 * the directive's issuer) and for the whole.
 *
 * @param rule         RATE: the whole is the indicator over all units in scope (a ratio of sums);
 *                     EVERY_UNIT: a count each unit must reach, the whole is the share of units meeting it
 * @param elapsedShare the share of the judged span elapsed on {@code evaluatedOn} (1 when it is over)
 */
public record AttainmentView(String directiveId, String directiveNumber, String targetId, String indicatorCode,
        String description, TargetSpec.Comparator comparator, BigDecimal threshold, BigDecimal upperThreshold,
        TargetSpec.ThresholdUnit unit, String period, LocalDate evaluatedOn, BigDecimal elapsedShare, String rule,
        Entry whole, int unitsInScope, int unitsMet, List<Entry> units) {

    /** A null value is missing data; for the whole of an EVERY_UNIT target the value is the % of units meeting. */
    public record Entry(String unitId, String code, String name, String level, String kind, BigDecimal value,
            AttainmentStatus status) {
    }
}
