package org.danvan.reporting.catalogue;

/**
 * A formula over aggregated data elements: numerator / denominator × factor, or the numerator alone (a
 * count) when there is no denominator. A rate is a ratio of sums, never an average of unit percentages.
 */
public record Indicator(String code, LocalizedText name, SumExpression numerator, SumExpression denominator,
        int factor, LocalizedText description) {
}
