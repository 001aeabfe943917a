package org.danvan.reporting.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report as the API returns it. */
public record ReportView(String id, String formCode, String unitId, String period, ReportStatus status,
        Map<String, ValueView> values, LocalDate dueOn, LocalDate firstSubmittedOn, LocalDate submittedOn, boolean late,
        ReceiptView receipt, List<ReturnView> returns, LocalDate acceptedOn, int revision, long storeVersion) {

    /** A report received on paper: the date it was received, who typed it in and when. */
    public record ReceiptView(LocalDate receivedOn, String enteredBy, java.time.Instant enteredAt) {
    }

    public record ValueView(Object value, boolean provisional, boolean estimated) {
    }

    public record ReturnView(LocalDate returnedOn, List<String> reasons) {
    }

    /** One accepted revision of a report. */
    public record RevisionView(int revision, Map<String, ValueView> values, String reason, LocalDate acceptedOn) {
    }

    static RevisionView of(Report.Revision revision) {
        return new RevisionView(revision.revision(), values(revision.values()), revision.reason(), revision.acceptedOn());
    }

    static Map<String, ValueView> values(Map<String, ReportValue> values) {
        Map<String, ValueView> views = new LinkedHashMap<>();
        values.forEach((code, v) -> views.put(code, new ValueView(v.value(), v.provisional(), v.estimated())));
        return views;
    }
}
