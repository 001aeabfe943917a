package org.danvan.reporting.catalogue;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Expressions are stored as written ({@code "A + B"}) and parsed on read. */
@Document("indicators")
record IndicatorDocument(@Id String code, LocalizedText name, String numerator, String denominator, int factor,
        LocalizedText description, boolean rollsUp) {

    Indicator indicator() {
        return new Indicator(code, name, SumExpression.parse(numerator),
                denominator == null ? null : SumExpression.parse(denominator), factor, description, rollsUp);
    }
}
