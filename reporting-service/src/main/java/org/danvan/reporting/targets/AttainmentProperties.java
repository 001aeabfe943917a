package org.danvan.reporting.targets;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How targets are judged while their period runs, and how often attainment is recomputed.
 *
 * @param atRiskFromElapsedShare from this share of the period on (0..1), a target not yet met whose
 *                               projected value fails the threshold is AT_RISK; earlier it is only NOT_MET
 *                               (too early to judge the pace). A count is projected by pro-rating it for the
 *                               elapsed share (value ÷ share); a rate or a stock is its own projection.
 * @param recomputeInterval      how often every directive's targets are recomputed and changes published
 */
@Validated
@ConfigurationProperties("danvan.attainment")
record AttainmentProperties(
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.25") BigDecimal atRiskFromElapsedShare,
        @NotNull @DefaultValue("PT1H") Duration recomputeInterval) {
}
