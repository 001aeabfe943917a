package org.danvan.reporting.forms;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.danvan.reporting.catalogue.LocalizedText;
import org.danvan.reporting.catalogue.SumExpression;

/** A check between values of one report, kept as data: {@code MODEL_AREAS <= EXEMPLARY_AREAS}. */
public record ValidationRule(String code, LocalizedText name, SumExpression left, Comparison comparison,
        SumExpression right) {

    /** The two sides of a rule that does not hold. */
    public record Failure(ValidationRule rule, BigDecimal left, BigDecimal right) {
    }

    /** Empty when the rule holds, or when a value it needs is missing (a draft may be incomplete). */
    public Optional<Failure> check(Map<String, BigDecimal> values) {
        Optional<BigDecimal> l = left.evaluate(values);
        Optional<BigDecimal> r = right.evaluate(values);
        if (l.isEmpty() || r.isEmpty() || comparison.holds(l.get(), r.get())) {
            return Optional.empty();
        }
        return Optional.of(new Failure(this, l.get(), r.get()));
    }

    public String expression() {
        return left + " " + comparison.symbol() + " " + right;
    }
}
