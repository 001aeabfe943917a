package org.danvan.reporting.catalogue;

/**
 * A formula over aggregated data elements: numerator / denominator × factor, or the numerator alone (a
 * count) when there is no denominator. A rate is a ratio of sums, never an average of unit percentages.
 *
 * @param rollsUp when a target judges units one by one, each unit is judged on everything reported in its
 *                subtree (a party committee judged on its whole area); otherwise, the default, each unit is
 *                judged on the figures it reports itself, so a union's branches never make up for the union
 */
public record Indicator(String code, LocalizedText name, SumExpression numerator, SumExpression denominator,
        int factor, LocalizedText description, boolean rollsUp) {
}
