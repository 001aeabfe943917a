package org.danvan.reporting.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.danvan.testsupport.DanvanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@DanvanIntegrationTest
class CatalogueSeedIT {

    @Autowired
    CatalogueSeed seed;
    @Autowired
    DataElementRepository elements;
    @Autowired
    IndicatorRepository indicators;
    @Autowired
    Catalogue catalogue;

    @Test
    void seedingAgainChangesNothing() {
        long elementCount = elements.count();
        long indicatorCount = indicators.count();
        Indicator before = catalogue.indicator("CASES_RESOLVED_ON_TIME_RATE").orElseThrow();

        seed.run(new DefaultApplicationArguments());

        assertThat(elements.count()).isEqualTo(elementCount).isGreaterThanOrEqualTo(30);
        assertThat(indicators.count()).isEqualTo(indicatorCount);
        assertThat(catalogue.indicator("CASES_RESOLVED_ON_TIME_RATE")).contains(before);
        assertThat(before.numerator().codes()).containsExactly("CASES_RESOLVED_ON_TIME");
        assertThat(before.denominator().codes()).containsExactly("CASES_RESOLVED");
    }
}
