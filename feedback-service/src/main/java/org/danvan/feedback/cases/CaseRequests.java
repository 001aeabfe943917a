package org.danvan.feedback.cases;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.danvan.feedback.deadlines.Complexity;
import org.danvan.support.limits.MaxItems;

/**
 * The bodies the case endpoints accept. {@code on} lets staff record a step on the day it happened (a
 * paper file entered later); it defaults to today and can never be in the future.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    record FileCase(
            @NotNull CaseKind kind,
            @NotBlank @Size(max = 300) String subject,
            @NotBlank @Size(max = 20000) String content,
            @NotBlank String areaUnitId,
            String filedWithUnitId,
            Channel channel,
            @PastOrPresent LocalDate receivedOn,
            Boolean remoteArea,
            String repeatOfCaseId,
            @Valid Citizen citizen) {
    }

    record Citizen(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @Size(max = 50) String phone,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "[0-9]{9}([0-9]{3})?") String idNumber) {
    }

    enum Channel { WEB, COUNTER, POST, RECEPTION_SESSION }

    record Accept(Complexity complexity, @PastOrPresent LocalDate on, @Size(max = 4000) String note) {
    }

    record Refuse(@NotEmpty @MaxItems List<RefusalReason> reasons, @PastOrPresent LocalDate on, @Size(max = 4000) String note) {
    }

    record Assign(@NotBlank String unitId, @NotBlank @Size(max = 1000) String reason, @PastOrPresent LocalDate on) {
    }

    record Step(@PastOrPresent LocalDate on, @Size(max = 4000) String note) {
    }

    record Extend(@NotBlank @Size(max = 1000) String reason, Complexity complexity, @PastOrPresent LocalDate on) {
    }

    record Resolve(@NotBlank @Size(max = 4000) String summary, @PastOrPresent LocalDate on) {
    }

    record Explain(@NotBlank @Size(max = 4000) String explanation, @NotEmpty @MaxItems List<@Valid RoadmapStep> roadmap,
            @PastOrPresent LocalDate on) {
    }

    record RoadmapStep(@NotBlank @Size(max = 1000) String description, @NotNull LocalDate dueOn) {
    }

    record RoadmapProgress(@NotNull Integer step, @NotNull RoadmapStatus status, @Size(max = 1000) String note) {
    }

    enum RoadmapStatus { PLANNED, IN_PROGRESS, DONE, DELAYED }

    record Reopen(@NotBlank @Size(max = 4000) String reason, @PastOrPresent LocalDate on) {
    }

    record Note(@NotBlank @Size(max = 4000) String note, Boolean visibleToCitizen) {
    }

    record Merge(@NotBlank String intoCaseId, @PastOrPresent LocalDate on) {
    }

    record CitizenInformation(@NotBlank @Size(max = 4000) String information) {
    }

    record CitizenReopen(@NotBlank @Size(max = 4000) String reason) {
    }

    /** Grounds for not taking a case up (Law on Complaints art. 11, Law on Denunciations art. 27). */
    enum RefusalReason {
        NOT_WITHIN_JURISDICTION,
        FILING_WINDOW_EXPIRED,
        ALREADY_RESOLVED_WITH_FINAL_DECISION,
        NO_LEGAL_CAPACITY,
        UNDER_COURT_PROCEEDINGS,
        WITHDRAWN,
        NOT_A_DENUNCIATION_MATTER,
        INSUFFICIENT_INFORMATION
    }
}
