package org.danvan.reporting.aggregates;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * Which generation of the figures this instance builds and serves. Every collection built from the topics is named
 * by it, and the bindings that feed it read under a consumer group of its own
 * ({@code reporting-service-figures-g<generation>}). A rebuild is an instance started with the next generation: it
 * replays the topics from the beginning into fresh collections while the previous generation's instances keep
 * answering from theirs, and it is ready ({@link FiguresCatchUp}) once it has caught up.
 */
@Component
public class FigureGeneration {

    /** The collections a generation builds from the topics; everything else the service stores is shared. */
    static final List<String> DERIVED = List.of("figure_cells", "scope_figures", "scope_units", "figure_meta", "aggregate_units",
            "aggregate_meta", "membership_branches", "membership_counts", "case_facts");

    private final int number;

    FigureGeneration(FiguresProperties properties) {
        this.number = properties.generation();
    }

    public int number() {
        return number;
    }

    /** This generation's name for a collection built from the topics. */
    public String collection(String base) {
        return nameIn(number, base);
    }

    /**
     * The collections of the generations before the previous one: once this one has caught up nothing reads them
     * (the previous generation's instances may still answer until they are replaced, and a rollback needs them).
     */
    List<String> superseded() {
        return IntStream.range(1, number - 1).boxed().flatMap(g -> DERIVED.stream().map(base -> nameIn(g, base))).toList();
    }

    static String nameIn(int generation, String base) {
        if (!DERIVED.contains(base)) {
            throw new IllegalArgumentException(base + " is not built from the topics");
        }
        // the first generation keeps the names the collections had before there were generations
        return generation == 1 ? base : base + "_g" + generation;
    }
}
