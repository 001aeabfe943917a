package org.danvan.web.directives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.danvan.web.api.BusinessDay;
import org.springframework.validation.Errors;

/**
 * A directive as a reviewer types it, with as many task and target rows as they add: dates as dd/MM/yyyy, unit
 * codes separated by commas or spaces, numbers the Vietnamese or English way. Property paths match the API's
 * ({@code tasks[0].text}, {@code targets[1].threshold}), so its field errors land beside their fields.
 */
public class DirectiveForm {

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,])\\d{3}(\\1\\d{3})*");

    private String number;
    private String kind = "RESOLUTION";
    private String title;
    private String issuerUnitId;
    private String issuedOn;
    private String signer;
    private String body;
    private String recipientUnitIds;
    private String recipientLevel;
    private List<TaskRow> tasks = new ArrayList<>();
    private List<TargetRow> targets = new ArrayList<>();
    private DutyRow reportingDuty = new DutyRow();

    public static class TaskRow {
        private String text;
        private String leadUnitId;
        private String coordinatingUnitIds;
        private String dueOn;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getLeadUnitId() { return leadUnitId; }
        public void setLeadUnitId(String leadUnitId) { this.leadUnitId = leadUnitId; }
        public String getCoordinatingUnitIds() { return coordinatingUnitIds; }
        public void setCoordinatingUnitIds(String coordinatingUnitIds) { this.coordinatingUnitIds = coordinatingUnitIds; }
        public String getDueOn() { return dueOn; }
        public void setDueOn(String dueOn) { this.dueOn = dueOn; }
    }

    public static class TargetRow {
        private String indicatorCode;
        private String comparator = "GTE";
        private String threshold;
        private String unit = "PERCENT";
        private String levels;
        private String periodType = "EVERY_YEAR";
        private String to;

        public String getIndicatorCode() { return indicatorCode; }
        public void setIndicatorCode(String indicatorCode) { this.indicatorCode = indicatorCode; }
        public String getComparator() { return comparator; }
        public void setComparator(String comparator) { this.comparator = comparator; }
        public String getThreshold() { return threshold; }
        public void setThreshold(String threshold) { this.threshold = threshold; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public String getLevels() { return levels; }
        public void setLevels(String levels) { this.levels = levels; }
        public String getPeriodType() { return periodType; }
        public void setPeriodType(String periodType) { this.periodType = periodType; }
        public String getTo() { return to; }
        public void setTo(String to) { this.to = to; }
    }

    public static class DutyRow {
        private List<String> cadences = new ArrayList<>();
        private int dueOffsetDays = 15;
        private String reportToUnitId;

        public List<String> getCadences() { return cadences; }
        public void setCadences(List<String> cadences) { this.cadences = cadences; }
        public int getDueOffsetDays() { return dueOffsetDays; }
        public void setDueOffsetDays(int dueOffsetDays) { this.dueOffsetDays = dueOffsetDays; }
        public String getReportToUnitId() { return reportToUnitId; }
        public void setReportToUnitId(String reportToUnitId) { this.reportToUnitId = reportToUnitId; }
    }

    /**
     * The JSON body of {@code POST /api/v1/directives}; a date or number that does not read is rejected here,
     * beside its field, and the body is null.
     */
    Map<String, Object> body(boolean draft, Errors errors) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "number", number);
        put(json, "kind", kind);
        put(json, "title", title);
        put(json, "issuerUnitId", issuerUnitId);
        json.put("issuedOn", BusinessDay.iso(issuedOn, "issuedOn", errors));
        put(json, "signer", signer);
        put(json, "body", body);
        json.put("recipientUnitIds", codes(recipientUnitIds));
        if (recipientLevel != null && !recipientLevel.isBlank()) {
            json.put("recipientGroups", List.of(Map.of("level", recipientLevel)));
        }
        List<Map<String, Object>> taskList = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskRow row = tasks.get(i);
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("number", i + 1);
            put(task, "text", row.text);
            put(task, "leadUnitId", row.leadUnitId);
            task.put("coordinatingUnitIds", codes(row.coordinatingUnitIds));
            task.put("dueOn", BusinessDay.iso(row.dueOn, "tasks[" + i + "].dueOn", errors));
            taskList.add(task);
        }
        json.put("tasks", taskList);
        List<Map<String, Object>> targetList = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetRow row = targets.get(i);
            Map<String, Object> target = new LinkedHashMap<>();
            put(target, "indicatorCode", row.indicatorCode);
            put(target, "comparator", row.comparator);
            target.put("threshold", number(row.threshold, "targets[" + i + "].threshold", errors));
            put(target, "unit", row.unit);
            target.put("levels", codes(row.levels));
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("type", row.periodType);
            period.put("to", BusinessDay.iso(row.to, "targets[" + i + "].to", errors));
            target.put("period", period);
            targetList.add(target);
        }
        json.put("targets", targetList);
        if (!reportingDuty.cadences.isEmpty()) {
            Map<String, Object> duty = new LinkedHashMap<>();
            duty.put("cadences", reportingDuty.cadences);
            duty.put("dueOffsetDays", reportingDuty.dueOffsetDays);
            put(duty, "reportToUnitId", reportingDuty.reportToUnitId == null || reportingDuty.reportToUnitId.isBlank()
                    ? issuerUnitId : reportingDuty.reportToUnitId);
            json.put("reportingDuty", duty);
        }
        json.put("draft", draft);
        return errors.hasErrors() ? null : json;
    }

    private static void put(Map<String, Object> json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.put(name, value.trim());
        }
    }

    static List<String> codes(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }


    private static BigDecimal number(String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String compact = text.strip().replace(" ", "");
        try {
            return new BigDecimal(GROUPED.matcher(compact).matches() ? compact.replaceAll("[.,]", "") : compact.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "directive.notANumber");
            return null;
        }
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIssuerUnitId() { return issuerUnitId; }
    public void setIssuerUnitId(String issuerUnitId) { this.issuerUnitId = issuerUnitId; }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
    public String getSigner() { return signer; }
    public void setSigner(String signer) { this.signer = signer; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getRecipientUnitIds() { return recipientUnitIds; }
    public void setRecipientUnitIds(String recipientUnitIds) { this.recipientUnitIds = recipientUnitIds; }
    public String getRecipientLevel() { return recipientLevel; }
    public void setRecipientLevel(String recipientLevel) { this.recipientLevel = recipientLevel; }
    public List<TaskRow> getTasks() { return tasks; }
    public void setTasks(List<TaskRow> tasks) { this.tasks = tasks; }
    public List<TargetRow> getTargets() { return targets; }
    public void setTargets(List<TargetRow> targets) { this.targets = targets; }
    public DutyRow getReportingDuty() { return reportingDuty; }
    public void setReportingDuty(DutyRow reportingDuty) { this.reportingDuty = reportingDuty; }
}
