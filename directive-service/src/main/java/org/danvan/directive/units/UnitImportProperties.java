package org.danvan.directive.units;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How unit imports run.
 *
 * @param batchSize units inserted in one bulk write; the job's rows done are written once per batch (5,000 cost less
 *                  CPU than 1,000 in the import benchmark: README, Benchmarks)
 * @param silence   how long a running job may go without a write before it is shown interrupted: longer than
 *                  the check of the largest file plus one batch, which write nothing
 */
@Validated
@ConfigurationProperties("danvan.units.import")
public record UnitImportProperties(@Min(1) @DefaultValue("5000") int batchSize,
        @NotNull @DefaultValue("PT2M") Duration silence) {
}
