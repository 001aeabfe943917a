package org.danvan.reporting.aggregates;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
 * @param catchUpCheck how often an instance not yet caught up asks the broker how far behind it is
 */
@Validated
@ConfigurationProperties("danvan.figures")
record FiguresProperties(
        @Min(1) @DefaultValue("1") int generation,
        @PositiveOrZero @DefaultValue("500") long caughtUpLag,
        @NotNull @DefaultValue("PT2S") Duration catchUpCheck) {
}
