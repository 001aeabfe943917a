package org.danvan.web.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a staff member types for one step of a case; the body each step's endpoint wants. */
public class StepForm {

    /** The steps the case page knows how to ask for (explaining needs a roadmap editor, not built yet). */
    static final List<String> ACTIONS = List.of("accept", "refuse", "assign", "start", "extend", "resolve", "close", "reopen", "merge");

    /**
     * Who may take each step, as feedback-service decides: reviewers decide (accept, refuse, assign, extend,
     * close, reopen, merge), cadres and reviewers work a case (start, resolve).
     */
    private static final Set<String> WORK = Set.of("start", "resolve");

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
            default -> throw new IllegalArgumentException("unknown step " + action);
        }
        return body;
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.trim());
        }
    }
}
