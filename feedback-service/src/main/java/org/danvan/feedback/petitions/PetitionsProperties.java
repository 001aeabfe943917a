package org.danvan.feedback.petitions;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Petition rules ({@code danvan.petitions}): the signature thresholds and the duty each creates, and the
 * limits above which signing looks suspicious (a burst from one source; one identity trying again).
 */
@Validated
@ConfigurationProperties("danvan.petitions")
record PetitionsProperties(@NotEmpty List<@Valid Threshold> thresholds, @Min(2) int burstSignatures,
        @NotNull Duration burstWindow, @Min(1) int repeatedIdentityAttempts) {

    record Threshold(@Min(1) int signatures, @NotNull Duty duty, @Min(1) int days) {
    }

    enum Duty { WRITTEN_RESPONSE, DIALOGUE_SESSION }
}
