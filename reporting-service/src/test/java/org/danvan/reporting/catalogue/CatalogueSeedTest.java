package org.danvan.reporting.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class CatalogueSeedTest {

    private static final List<DataElementDocument> ELEMENTS = CatalogueSeed.read(CatalogueSeed.ELEMENTS, new TypeReference<>() { });
    private static final List<IndicatorDocument> INDICATORS = CatalogueSeed.read(CatalogueSeed.INDICATORS, new TypeReference<>() { });

    @Test
    void theSeedFilesAgree() {
        CatalogueSeed.requireConsistent(ELEMENTS, INDICATORS);
        assertThat(ELEMENTS).allSatisfy(e -> {
            assertThat(e.name().vi()).isNotBlank();
            assertThat(e.name().en()).isNotBlank();
        });
    }

    @Test
    void seedsTheElementsTheDomainNames() {
        assertThat(ELEMENTS).extracting(DataElementDocument::code).contains("RESIDENTS", "HOUSEHOLDS", "MEMBERS_ENROLLED",
                "MEMBERS_FARMERS_UNION", "MEMBERS_WOMENS_UNION", "MEMBERS_YOUTH_UNION", "MEMBERS_VETERANS_ASSOCIATION",
                "MEMBERS_TRADE_UNION", "MEMBERS_ACTIVE", "RESIDENTIAL_AREAS", "EXEMPLARY_AREAS", "MODEL_AREAS",
                "BRIEFING_CLASSES", "BRIEFING_PARTICIPANTS", "MODELS_BUILT", "SUPERVISION_SESSIONS",
                "SOCIAL_CRITIQUE_SESSIONS", "DIALOGUE_CONFERENCES", "CADRES", "CADRES_TRAINED", "CADRES_MEETING_STANDARDS",
                "UNITS_RATED_EXCELLENT", "UNITS_RATED_GOOD", "UNITS_RATED_COMPLETED", "UNITS_RATED_NOT_COMPLETED",
                "STAFF_POSITIONS_ASSIGNED", "STAFF_POSITIONS_FILLED", "CASES_RESOLVED", "CASES_RESOLVED_ON_TIME");
        // stocks take the latest value in a period, flows are summed
        assertThat(ELEMENTS).filteredOn(e -> e.code().equals("RESIDENTS")).singleElement()
                .extracting(DataElementDocument::aggregation).isEqualTo(AggregationType.LAST_IN_PERIOD);
        assertThat(ELEMENTS).filteredOn(e -> e.code().equals("BRIEFING_CLASSES")).singleElement()
                .extracting(DataElementDocument::aggregation).isEqualTo(AggregationType.SUM);
    }

    /** Directive targets name indicators from directive-service's list: each must be defined here. */
    @Test
    void definesEveryIndicatorDirectiveTargetsMayName() throws IOException {
        List<String> codes = new ArrayList<>();
        boolean inList = false;
        for (String line : Files.readAllLines(Path.of("../directive-service/src/main/resources/application.yml"))) {
            if (line.strip().equals("indicator-codes:")) {
                inList = true;
            } else if (inList && line.strip().startsWith("- ")) {
                codes.add(line.strip().substring(2).strip());
            } else if (inList) {
                break;
            }
        }
        assertThat(codes).isNotEmpty();
        assertThat(INDICATORS).extracting(IndicatorDocument::code).containsAll(codes)
                .contains("MODELS_PER_UNIT", "CASES_RESOLVED_ON_TIME_RATE");
    }

    @Test
    void ratesAreRatiosOfSums() {
        Indicator rate = INDICATORS.stream().filter(i -> i.code().equals("UNITS_RATED_GOOD_RATE")).findFirst().orElseThrow().indicator();
        assertThat(rate.numerator().codes()).containsExactly("UNITS_RATED_EXCELLENT", "UNITS_RATED_GOOD");
        assertThat(rate.denominator().codes()).hasSize(4);
        assertThat(rate.factor()).isEqualTo(100);
    }

    @Test
    void refusesAnIndicatorOverAnUnknownElement() {
        List<IndicatorDocument> typo = List.of(new IndicatorDocument("X", new LocalizedText("x", "x"), "MEMBER_ENROLLED",
                "RESIDENTS", 100, null, false));
        assertThatThrownBy(() -> CatalogueSeed.requireConsistent(ELEMENTS, typo)).hasMessageContaining("MEMBER_ENROLLED");
    }
}
