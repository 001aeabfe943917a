package org.danvan.support.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the outbox relay looks for pending events and how often.
 *
 * @param collections   the aggregate collections whose documents carry an {@code outbox} array
 * @param source        the CloudEvents {@code source} of every event this service publishes
 * @param pollInterval  how often the relay publishes what the pending index lists
 * @param sweepInterval how often it scans the aggregate collections themselves, to find pending events
 *                      whose index entry was lost (a crash between the aggregate write and the index write)
 * @param batchSize     aggregates published per round
 * @param sendTimeout   how long the relay waits for the broker's acknowledgement; longer than the producer's
 *                      {@code delivery.timeout.ms}, so that by then a send has surely succeeded or failed
 */
@Validated
@ConfigurationProperties("danvan.outbox")
public record OutboxProperties(
        @DefaultValue List<String> collections,
        @NotBlank String source,
        @NotNull @DefaultValue("200ms") Duration pollInterval,
        @NotNull @DefaultValue("5m") Duration sweepInterval,
        @Min(1) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("15s") Duration sendTimeout) {
}
