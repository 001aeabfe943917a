package org.danvan.web.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A case as staff read it from the API: only what the pages show. */
public final class CaseViews {

    private CaseViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaffCase(String id, String trackingCode, String kind, int round, String status, List<String> allowedActions,
            String subject, String content, String areaUnitId, String responsibleUnitId, boolean anonymous,
            LocalDate receivedOn, LocalDate acceptanceDueOn, LocalDate dueOn, LocalDate closedOn, boolean overdue,
            List<TimelineEntry> timeline, List<RoadmapStep> roadmap, List<String> refusalReasons, long version) {

        public StaffCase {
            allowedActions = allowedActions == null ? List.of() : allowedActions;
            timeline = timeline == null ? List.of() : timeline;
            roadmap = roadmap == null ? List.of() : roadmap;
        }

        /**
         * Whether the page offers to open the citizens' identity: never for an anonymous filing, and for a
         * denunciation only to a confidential-case handler (the API decides the rest, and logs every opening).
         */
        public boolean identityOfferedTo(Set<String> roles) {
            if (anonymous) {
                return false;
            }
            return "DENUNCIATION".equals(kind) ? roles.contains("confidential-handler")
                    : roles.contains("cadre") || roles.contains("reviewer") || roles.contains("confidential-handler");
        }

        /** The deadline that runs now: to accept while received, then to resolve. */
        public LocalDate deadline() {
            return dueOn != null ? dueOn : acceptanceDueOn;
        }

        public boolean open() {
            return List.of("RECEIVED", "ACCEPTED", "ASSIGNED", "IN_PROGRESS").contains(status);
        }

        /**
         * The steps this page offers as buttons: those the API allows on the case now, that the page knows how
         * to ask for and that the user's roles may take.
         */
        public List<String> actionsFor(Set<String> roles) {
            return allowedActions.stream().filter(StepForm.ACTIONS::contains).filter(a -> StepForm.mayTake(a, roles)).toList();
        }
    }

    /** One dated step of the roadmap an explanation promised, with its progress. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoadmapStep(int number, String description, LocalDate dueOn, String status) {
    }

    /** An open case of the same unit and kind whose words overlap this one's: maybe the same matter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Duplicate(String caseId, String trackingCode, String subject, LocalDate receivedOn, double similarity) {
    }

    /** A citizen behind a case, as the sealed identity store gives it to an authorised reader. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identity(String name, String address, String phone, String email, String idNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(Instant at, String author, String action, String status, String note) {

        /** The moment on Vietnam's clock, as the page shows it. */
        public LocalDateTime local() {
            return LocalDateTime.ofInstant(at, ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    /** The queue's order: open cases first, the overdue among them first, then by the nearest deadline. */
    static final Comparator<StaffCase> BY_DEADLINE = Comparator.comparing((StaffCase c) -> !c.open())
            .thenComparing(c -> !c.overdue())
            .thenComparing(StaffCase::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StaffCase::receivedOn, Comparator.nullsLast(Comparator.naturalOrder()));
}
