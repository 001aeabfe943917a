package org.danvan.reporting.forms;

import java.math.BigDecimal;

/** How the two sides of a validation rule must compare. */
public enum Comparison {
    LE("<="), LT("<"), EQ("="), GE(">="), GT(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(BigDecimal left, BigDecimal right) {
        int order = left.compareTo(right);
        return switch (this) {
            case LE -> order <= 0;
            case LT -> order < 0;
            case EQ -> order == 0;
            case GE -> order >= 0;
            case GT -> order > 0;
        };
    }
}
