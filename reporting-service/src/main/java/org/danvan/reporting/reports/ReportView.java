package org.danvan.reporting.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report as the API returns it. */
public record ReportView(String id, String formCode, String unitId, String period, ReportStatus status,
        Map<String, ValueView> values, LocalDate dueOn, LocalDate firstSubmittedOn, LocalDate submittedOn, boolean late,
        List<ReturnView> returns, LocalDate acceptedOn, int revision, long storeVersion) {

    public record ValueView(Object value, boolean provisional, boolean estimated) {
    }

    public record ReturnView(LocalDate returnedOn, List<String> reasons) {
    }

    /** One accepted revision of a report. */
    public record RevisionView(int revision, Map<String, ValueView> values, String reason, LocalDate acceptedOn) {
    }

    static ReportView of(ReportDocument report) {
        return new ReportView(report.id, report.formCode, report.unitId, report.period, report.status,
                values(report.values), report.dueOn, report.firstSubmittedOn, report.submittedOn, report.late,
                report.returns.stream().map(r -> new ReturnView(r.returnedOn(), r.reasons())).toList(),
                report.acceptedOn, report.revision, report.storeVersion == null ? 0 : report.storeVersion);
    }

    static RevisionView of(ReportDocument.Revision revision) {
        return new RevisionView(revision.revision(), values(revision.values()), revision.reason(), revision.acceptedOn());
    }

    static Map<String, ValueView> values(Map<String, ReportValue> values) {
        Map<String, ValueView> views = new LinkedHashMap<>();
        values.forEach((code, v) -> views.put(code, new ValueView(v.value(), v.provisional(), v.estimated())));
        return views;
    }
}
