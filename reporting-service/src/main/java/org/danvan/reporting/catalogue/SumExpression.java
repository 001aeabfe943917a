package org.danvan.reporting.catalogue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A sum of data-element codes ({@code "UNITS_RATED_EXCELLENT + UNITS_RATED_GOOD"}): all an indicator or a rule needs. */
public record SumExpression(List<String> codes) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public SumExpression {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("an expression names at least one data element");
        }
        codes = List.copyOf(codes);
    }

    public static SumExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        List<String> codes = Arrays.stream(text.split("\\+")).map(String::trim).toList();
        for (String code : codes) {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("'" + code + "' in '" + text + "' is not a data-element code");
            }
        }
        return new SumExpression(codes);
    }

    /** The sum, or empty when a term has no value: a partial sum would mislead. */
    public Optional<BigDecimal> evaluate(Map<String, BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String code : codes) {
            BigDecimal value = values.get(code);
            if (value == null) {
                return Optional.empty();
            }
            sum = sum.add(value);
        }
        return Optional.of(sum);
    }

    @Override
    public String toString() {
        return String.join(" + ", codes);
    }
}
