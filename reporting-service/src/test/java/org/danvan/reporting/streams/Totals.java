package org.danvan.reporting.streams;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The running totals of one (unit, period): a sum per data element over the unit's subtree. */
public record Totals(Map<String, BigDecimal> values) {

    public Totals {
        values = Map.copyOf(values);
    }

    static Totals empty() {
        return new Totals(Map.of());
    }

    /** The sum of {@code element}, zero when nothing was counted. */
    public BigDecimal of(String element) {
        return values.getOrDefault(element, BigDecimal.ZERO);
    }

    Totals plus(Contribution contribution) {
        return add(contribution, BigDecimal.ONE);
    }

    Totals minus(Contribution contribution) {
        return add(contribution, BigDecimal.ONE.negate());
    }

    private Totals add(Contribution contribution, BigDecimal sign) {
        Map<String, BigDecimal> sums = new TreeMap<>(values);
        contribution.values().forEach((element, value) -> sums.merge(element, value.multiply(sign), BigDecimal::add));
        return new Totals(sums);
    }
}
