package org.danvan.reporting.aggregates;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The generation of the figures an instance builds and serves.
 *
 * @param generation   1 and up; a rebuild is an instance started with the next one (its own collections and
 *                     consumer group: the topics replayed from the beginning)
 * @param caughtUpLag  records still to read on the figure topics at or below which the instance counts as caught up
 *                     (how often it asks the broker until then: {@code danvan.figures.catch-up-check}, 2 s)
 */
@Validated
@ConfigurationProperties("danvan.figures")
record FiguresProperties(
        @Min(1) @DefaultValue("1") int generation,
        @PositiveOrZero @DefaultValue("500") long caughtUpLag) {
}
