package org.danvan.web.sessions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.web.api.BusinessDay;
import org.springframework.validation.Errors;

/**
 * A reception day or dialogue as staff record it, with as many matter and commitment rows as they add. Property
 * paths match the API's ({@code commitments[0].dueOn}), so its field errors land beside their fields.
 */
public class SessionForm {


    private String kind = "RECEPTION_DAY";
    private String hostUnitId;
    private String hostName;
    private String hostTitle;
    private boolean hostedBySecretary;
    private String heldOn;
    private String place;
    private int attendees;
    private String petitionId;
    private List<String> matters = new ArrayList<>();
    private List<CommitmentRow> commitments = new ArrayList<>();

    public static class CommitmentRow {
        private String text;
        private String responsibleUnitId;
        private String dueOn;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getResponsibleUnitId() { return responsibleUnitId; }
        public void setResponsibleUnitId(String responsibleUnitId) { this.responsibleUnitId = responsibleUnitId; }
        public String getDueOn() { return dueOn; }
        public void setDueOn(String dueOn) { this.dueOn = dueOn; }
    }

    /** The JSON body of {@code POST /api/v1/sessions}, or null when a date does not read (rejected beside its field). */
    Map<String, Object> body(Errors errors) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("hostUnitId", trim(hostUnitId));
        json.put("hostName", trim(hostName));
        json.put("hostTitle", trim(hostTitle));
        json.put("hostedBySecretary", hostedBySecretary);
        json.put("heldOn", BusinessDay.iso(heldOn, "heldOn", errors));
        json.put("place", trim(place));
        json.put("attendees", attendees);
        json.put("petitionId", trim(petitionId));
        json.put("matters", matters.stream().map(SessionForm::trim).filter(m -> m != null).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < commitments.size(); i++) {
            CommitmentRow row = commitments.get(i);
            Map<String, Object> commitment = new LinkedHashMap<>();
            commitment.put("text", trim(row.text));
            commitment.put("responsibleUnitId", trim(row.responsibleUnitId));
            commitment.put("dueOn", BusinessDay.iso(row.dueOn, "commitments[" + i + "].dueOn", errors));
            rows.add(commitment);
        }
        json.put("commitments", rows);
        return errors.hasErrors() ? null : json;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }


    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getHostUnitId() { return hostUnitId; }
    public void setHostUnitId(String hostUnitId) { this.hostUnitId = hostUnitId; }
    public String getHostName() { return hostName; }
    public void setHostName(String hostName) { this.hostName = hostName; }
    public String getHostTitle() { return hostTitle; }
    public void setHostTitle(String hostTitle) { this.hostTitle = hostTitle; }
    public boolean isHostedBySecretary() { return hostedBySecretary; }
    public void setHostedBySecretary(boolean hostedBySecretary) { this.hostedBySecretary = hostedBySecretary; }
    public String getHeldOn() { return heldOn; }
    public void setHeldOn(String heldOn) { this.heldOn = heldOn; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public int getAttendees() { return attendees; }
    public void setAttendees(int attendees) { this.attendees = attendees; }
    public String getPetitionId() { return petitionId; }
    public void setPetitionId(String petitionId) { this.petitionId = petitionId; }
    public List<String> getMatters() { return matters; }
    public void setMatters(List<String> matters) { this.matters = matters; }
    public List<CommitmentRow> getCommitments() { return commitments; }
    public void setCommitments(List<CommitmentRow> commitments) { this.commitments = commitments; }
}
