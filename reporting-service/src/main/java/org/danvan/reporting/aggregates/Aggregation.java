package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.Indicator;

/**
 * The aggregation rules of DOMAIN §4, free of storage: each unit's value over a period first (flows summed
 * over sub-periods, stocks the latest sub-period's value), then summed over units (by {@link FigureCell}); an
 * indicator is the ratio of those sums, never an average of unit percentages.
 */
final class Aggregation {

    /** Decimal places of an indicator value. */
    static final int SCALE = 2;

    private static final Comparator<AcceptedValues> LATEST = Comparator
            .comparing((AcceptedValues r) -> r.period().end())
            // of two reports ending together (2025 and 2025H2) the shorter one is the more recent reading
            .thenComparing(r -> r.period().start())
            .thenComparing(AcceptedValues::acceptedOn, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Aggregation() {
    }

    /**
     * One unit's value of an element over the period its reports were already narrowed to; empty when none of
     * the reports carries the element.
     */
    static Optional<BigDecimal> unitValue(DataElement element, Collection<AcceptedValues> reports) {
        List<AcceptedValues> carrying = reports.stream().filter(r -> r.carries(element.code())).toList();
        if (carrying.isEmpty()) {
            return Optional.empty();
        }
        return switch (element.aggregation()) {
            case SUM -> Optional.of(carrying.stream()
                    // a unit's report for a whole span already counts the reports for its parts
                    .filter(r -> carrying.stream().noneMatch(other -> other != r && !other.period().equals(r.period())
                            && other.period().contains(r.period())))
                    .map(r -> r.numbers().getOrDefault(element.code(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            case LAST_IN_PERIOD -> carrying.stream().max(LATEST)
                    .map(r -> r.numbers().getOrDefault(element.code(), BigDecimal.ZERO));
            case COUNT_OF_UNITS -> Optional.of(BigDecimal.ONE);
            case YES_NO -> carrying.stream().max(LATEST)
                    .map(r -> Boolean.TRUE.equals(r.answers().get(element.code())) ? BigDecimal.ONE : BigDecimal.ZERO);
        };
    }

    /** numerator / denominator × factor from the summed elements; the numerator alone for a count. */
    static Figures figures(Indicator indicator, Map<String, BigDecimal> totals) {
        BigDecimal numerator = indicator.numerator().evaluate(totals).orElse(null);
        if (indicator.denominator() == null) {
            return new Figures(numerator, null, numerator);
        }
        BigDecimal denominator = indicator.denominator().evaluate(totals).orElse(null);
        BigDecimal value = numerator == null || denominator == null || denominator.signum() == 0 ? null
                : numerator.multiply(BigDecimal.valueOf(indicator.factor())).divide(denominator, SCALE, RoundingMode.HALF_UP);
        return new Figures(numerator, denominator, value);
    }

    /**
     * The units expected to report: those of the reporting levels, or the leaves of the subtree when the
     * levels are not known.
     */
    static List<UnitNode> expectedUnits(UnitTree tree, List<UnitNode> subtree, Collection<String> levels) {
        return subtree.stream()
                .filter(u -> levels.isEmpty() ? tree.children(u.unitId()).isEmpty() : levels.contains(u.level()))
                .toList();
    }

    /** An indicator's sums and value; a null part is missing data. */
    record Figures(BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
    }
}
