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
 * @param collections the aggregate collections whose documents carry an {@code outbox} array
 * @param source      the CloudEvents {@code source} of every event this service publishes
 */
@Validated
@ConfigurationProperties("danvan.outbox")
public record OutboxProperties(
        @DefaultValue List<String> collections,
        @NotBlank String source,
        @NotNull @DefaultValue("200ms") Duration pollInterval,
        @Min(1) @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("10s") Duration sendTimeout) {
}
