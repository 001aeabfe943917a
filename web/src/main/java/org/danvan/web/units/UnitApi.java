package org.danvan.web.units;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The bodies of directive-service's unit endpoints, as the gateway serves them. */
public final class UnitApi {

    /** The levels of the tree from the top down, as directive-service configures them. */
    public static final List<String> LEVELS = List.of("CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE");

    private UnitApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String code, String name, String kind, String level, LocalDate openedOn, LocalDate closedOn,
            String successorUnitId, String parentId, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Unit> items, int page, int size, long total) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    public record Register(String code, String name, String kind, String level, LocalDate openedOn, String parentId) {
    }

    public record Move(String newParentId, LocalDate validFrom) {
    }

    public record Rename(String name, LocalDate validFrom) {
    }

    public record Close(LocalDate closedOn, String successorUnitId) {
    }

    /** What an import found and did: every row at fault with its reasons, in the user's language. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(boolean dryRun, int rows, int imported, int alreadyRegistered, int rowsAtFault,
            List<RowError> errors, long durationMs) {

        public ImportReport {
            errors = errors == null ? List.of() : errors;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowError(int row, String code, List<String> errors) {
    }

    /**
     * An import job as directive-service keeps it: rows done of total, its phase (QUEUED, IMPORTING, DONE,
     * FAILED), and once over its report or, failed, the problem in the user's language.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportJob(String id, String fileName, int rowsTotal, int rowsDone, String phase, ImportProblem problem,
            Instant startedAt, Instant endedAt, ImportReport report) {

        public boolean running() {
            return "QUEUED".equals(phase) || "IMPORTING".equals(phase);
        }

        public Duration elapsed(Instant now) {
            return Duration.between(startedAt, endedAt == null ? now : endedAt);
        }
    }

    /** Why an import failed ({@code ROW_ERRORS}, {@code INTERRUPTED}, {@code ERROR}) and what to do next. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportProblem(String reason, String title, String detail) {
    }
}
