package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class FiguresCatchUpTest {

    private static FiguresProperties generation(int number) {
        return new FiguresProperties(number, 500);
    }

    @Test
    void anInstanceIsOutOfServiceUntilItIsWithinTheLagOfTheTopicsAndStaysReadyAfter() {
        FiguresProperties properties = generation(2);
        FiguresCatchUp catchUp = new FiguresCatchUp(new FigureGeneration(properties), properties, null, null);
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        catchUp.measured(12_000);
        assertThat(catchUp.caughtUp()).isFalse();
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(catchUp.health().getDetails()).containsEntry("behind", 12_000L).containsEntry("generation", 2);

        catchUp.measured(501);
        assertThat(catchUp.caughtUp()).isFalse();
        catchUp.measured(500);
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.UP);

        // a burst of new records later does not take a caught-up instance out of service
        catchUp.measured(40_000);
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void eachGenerationNamesItsOwnCollectionsAndSupersedesThoseBeforeThePreviousOne() {
        assertThat(new FigureGeneration(generation(1)).collection("figure_cells")).isEqualTo("figure_cells");
        assertThat(new FigureGeneration(generation(3)).collection("figure_cells")).isEqualTo("figure_cells_g3");
        assertThat(new FigureGeneration(generation(2)).superseded()).isEmpty();
        assertThat(new FigureGeneration(generation(4)).superseded())
                .contains("figure_cells", "case_facts", "figure_cells_g2", "aggregate_units_g2")
                .doesNotContain("figure_cells_g3", "figure_cells_g4")
                .hasSize(2 * FigureGeneration.DERIVED.size());
        assertThatThrownBy(() -> new FigureGeneration(generation(2)).collection("reports"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
