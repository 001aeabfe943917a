package org.danvan.web.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/** What a staff member types for one step of a case; the body each step's endpoint wants. */
public class StepForm {

    /** The steps the case page knows how to ask for. */
    static final List<String> ACTIONS = List.of("accept", "refuse", "assign", "start", "extend", "resolve", "explain", "close",
            "reopen", "merge", "roadmap", "notes");

    /**
     * Who may take each step, as feedback-service decides: reviewers decide (accept, refuse, assign, extend,
     * close, reopen, merge), cadres and reviewers work a case (start, resolve, explain, roadmap progress).
     */
    private static final Set<String> WORK = Set.of("start", "resolve", "explain", "roadmap");

    /** The statuses a roadmap step can be given. */
    static final List<String> ROADMAP_STATUSES = List.of("PLANNED", "IN_PROGRESS", "DONE", "DELAYED");

    static boolean mayTake(String action, Set<String> roles) {
        return roles.contains("reviewer") || WORK.contains(action) && roles.contains("cadre");
    }

    static final List<String> REFUSAL_REASONS = List.of("NOT_WITHIN_JURISDICTION", "FILING_WINDOW_EXPIRED",
            "ALREADY_RESOLVED_WITH_FINAL_DECISION", "NO_LEGAL_CAPACITY", "UNDER_COURT_PROCEEDINGS", "WITHDRAWN",
            "NOT_A_DENUNCIATION_MATTER", "INSUFFICIENT_INFORMATION");

    private long version;
    private String note;
    private String reason;
    private String refusalReason;
    private String unitId;
    private String summary;
    private String intoCaseId;
    private String explanation;
    private List<RoadmapRow> roadmap = new ArrayList<>(List.of(new RoadmapRow()));
    private Integer roadmapStep;
    private String roadmapStatus;
    private boolean visibleToCitizen;

    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getRefusalReason() { return refusalReason; }
    public void setRefusalReason(String refusalReason) { this.refusalReason = refusalReason; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getIntoCaseId() { return intoCaseId; }
    public void setIntoCaseId(String intoCaseId) { this.intoCaseId = intoCaseId; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String explanation) { this.explanation = explanation; }
    public List<RoadmapRow> getRoadmap() { return roadmap; }
    public void setRoadmap(List<RoadmapRow> roadmap) { this.roadmap = roadmap; }
    public Integer getRoadmapStep() { return roadmapStep; }
    public void setRoadmapStep(Integer roadmapStep) { this.roadmapStep = roadmapStep; }
    public String getRoadmapStatus() { return roadmapStatus; }
    public void setRoadmapStatus(String roadmapStatus) { this.roadmapStatus = roadmapStatus; }
    public boolean isVisibleToCitizen() { return visibleToCitizen; }
    public void setVisibleToCitizen(boolean visibleToCitizen) { this.visibleToCitizen = visibleToCitizen; }

    /** One more empty roadmap row: the page adds rows by a submit, so it works before any script loads. */
    void addRoadmapRow() {
        roadmap.add(new RoadmapRow());
    }

    /**
     * Drops the rows left empty (the spare rows the form offers) before the roadmap is sent, so the API's field
     * errors ({@code roadmap[1].dueOn}) name the rows the page shows again.
     */
    void dropSpareRoadmapRows() {
        roadmap = new ArrayList<>(roadmap.stream().filter(row -> !row.isEmpty()).toList());
    }

    /** At least one row to type in. */
    void offerRoadmapRow() {
        if (roadmap.isEmpty()) {
            addRoadmapRow();
        }
    }

    /** The JSON body of {@code POST /api/v1/cases/{id}/{action}}, with the names the API's field errors use. */
    Map<String, Object> body(String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "accept", "start", "close" -> put(body, "note", note);
            case "refuse" -> {
                body.put("reasons", refusalReason == null || refusalReason.isBlank() ? List.of() : List.of(refusalReason));
                put(body, "note", note);
            }
            case "assign" -> {
                put(body, "unitId", unitId);
                put(body, "reason", reason);
            }
            case "extend", "reopen" -> put(body, "reason", reason);
            case "resolve" -> put(body, "summary", summary);
            case "merge" -> put(body, "intoCaseId", intoCaseId);
            case "explain" -> {
                put(body, "explanation", explanation);
                body.put("roadmap", roadmap.stream().map(row -> {
                            Map<String, Object> step = new LinkedHashMap<>();
                            put(step, "description", row.getDescription());
                            put(step, "dueOn", row.getDueOn() == null ? null : row.getDueOn().toString());
                            return step;
                        }).toList());
            }
            case "roadmap" -> {
                body.put("step", roadmapStep);
                put(body, "status", roadmapStatus);
                put(body, "note", note);
            }
            case "notes" -> {
                put(body, "note", note);
                body.put("visibleToCitizen", visibleToCitizen);
            }
            default -> throw new IllegalArgumentException("unknown step " + action);
        }
        return body;
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.trim());
        }
    }

    /** One dated step of the roadmap an explanation promises. */
    public static class RoadmapRow {

        private String description;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueOn;

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }

        boolean isEmpty() {
            return (description == null || description.isBlank()) && dueOn == null;
        }
    }
}
