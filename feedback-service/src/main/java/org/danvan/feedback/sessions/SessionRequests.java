package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.danvan.support.limits.MaxItems;

final class SessionRequests {

    private SessionRequests() {
    }

    record Record(
            @NotNull SessionKind kind,
            @NotBlank String hostUnitId,
            @NotBlank @Size(max = 200) String hostName,
            @NotBlank @Size(max = 200) String hostTitle,
            Boolean hostedBySecretary,
            @NotNull @PastOrPresent LocalDate heldOn,
            @NotBlank @Size(max = 500) String place,
            @Min(0) int attendees,
            String petitionId,
            @MaxItems List<@NotBlank @Size(max = 4000) String> matters,
            @MaxItems List<@Valid CommitmentRequest> commitments) {
    }

    record CommitmentRequest(@NotBlank @Size(max = 2000) String text, @NotBlank String responsibleUnitId, @NotNull LocalDate dueOn) {
    }

    record Fulfil(@PastOrPresent LocalDate on, @Size(max = 2000) String note) {
    }

    /** A matter raised at the session, filed as a case: what the case needs beyond the matter's text. */
    record MatterCase(@NotBlank String kind, @NotBlank String areaUnitId) {
    }
}
