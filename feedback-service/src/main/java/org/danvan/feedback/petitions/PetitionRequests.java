package org.danvan.feedback.petitions;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.danvan.support.limits.MaxItems;

final class PetitionRequests {

    private PetitionRequests() {
    }

    record Open(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 20000) String text,
            @NotBlank String responsibleUnitId, @NotNull @Future LocalDate signingClosesOn) {
    }

    /** An ID number: 9 digits (old card) or 12 (citizen identity card); spaces and dots are ignored. */
    record Sign(@NotBlank @Size(max = 200) String name, @NotBlank @Pattern(regexp = "[0-9 .]{9,16}") String idNumber) {
    }

    record PaperSheet(@NotBlank @Size(max = 100) String sheetRef, @NotEmpty @MaxItems List<@Valid Sign> signatures) {
    }

    record Answer(@NotBlank @Size(max = 20000) String answer) {
    }
}
