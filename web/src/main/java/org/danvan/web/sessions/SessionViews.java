package org.danvan.web.sessions;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Sessions and petition duties as feedback-service answers them: only what the pages show. */
public final class SessionViews {

    private SessionViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(String id, String kind, String hostUnitId, String hostName, String hostTitle, Boolean hostedBySecretary,
            LocalDate heldOn, String place, Integer attendees, String petitionId, List<Matter> matters,
            List<Commitment> commitments, long version) {

        public Session {
            matters = matters == null ? List.of() : matters;
            commitments = commitments == null ? List.of() : commitments;
        }

        public long openCommitments() {
            return commitments.stream().filter(c -> c.fulfilledOn() == null).count();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Matter(int number, String summary, String caseId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(int number, String text, String responsibleUnitId, LocalDate dueOn, LocalDate fulfilledOn, String note) {

        public boolean overdue(LocalDate today) {
            return fulfilledOn == null && dueOn != null && dueOn.isBefore(today);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Petition(String id, String title, String responsibleUnitId, LocalDate signingClosesOn, String status,
            Integer signatures, List<Duty> duties) {

        public Petition {
            duties = duties == null ? List.of() : duties;
        }
    }

    /** A petition's duty once its signatures reach {@code threshold}: a written response or a dialogue, by {@code dueOn}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Duty(int threshold, String kind, LocalDate createdOn, LocalDate dueOn, LocalDate fulfilledOn) {

        public boolean overdue(LocalDate today) {
            return fulfilledOn == null && dueOn != null && dueOn.isBefore(today);
        }
    }
}
