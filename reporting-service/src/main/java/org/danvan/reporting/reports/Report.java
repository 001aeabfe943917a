package org.danvan.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.support.aggregate.AggregateRoot;
import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's periodic report: its current values, every return with its reasons and every accepted revision
 * as it was. Each step asks {@link ReportLifecycle} first — a step the status does not allow is a 409
 * whatever the values — then changes the report and records the events it causes; every acceptance or
 * revision records {@code danvan.report.accepted.v1}.
 */
@Document("reports")
class Report extends AggregateRoot {

    @Id
    private String id;
    @Version
    private Long storeVersion;
    private String formCode;
    private String unitId;
    private String period;
    private ReportStatus status;
    private Map<String, ReportValue> values = new LinkedHashMap<>();
    private Instant createdAt;
    /** Period end plus the grace days in force when the report was created. */
    private LocalDate dueOn;
    private LocalDate firstSubmittedOn;
    private LocalDate submittedOn;
    /** Decided by the first submission: a return for corrections does not make the unit late. */
    private boolean late;
    /** For a report received on paper and typed in later: when it was received, who entered it and when. */
    private Receipt receipt;
    private List<Return> returns = new ArrayList<>();
    private LocalDate acceptedOn;
    /** 0 until accepted, then the number of the current revision. */
    private int revision;
    private List<Revision> revisions = new ArrayList<>();

    record Return(LocalDate returnedOn, List<String> reasons) {
    }

    /** A report that reached the unit above on paper: its date of receipt decides timeliness; the entry is audited. */
    record Receipt(LocalDate receivedOn, String enteredBy, Instant enteredAt) {
    }

    /** The values of one accepted revision; {@code reason} explains every revision after the first. */
    record Revision(int revision, Map<String, ReportValue> values, String reason, LocalDate acceptedOn) {
    }

    private Report() {
    }

    /** A new draft of values already checked against its form. */
    static Report draft(String id, String formCode, String unitId, String period, Map<String, ReportValue> values,
            Instant createdAt, LocalDate dueOn) {
        Report report = new Report();
        report.id = id;
        report.formCode = formCode;
        report.unitId = unitId;
        report.period = period;
        report.status = ReportStatus.DRAFT;
        report.values = new LinkedHashMap<>(values);
        report.createdAt = createdAt;
        report.dueOn = dueOn;
        return report;
    }

    /** New values for a draft or returned report; {@code checked} reads them against the form (or refuses them). */
    void edit(Supplier<Map<String, ReportValue>> checked) {
        status = ReportLifecycle.next(status, ReportAction.EDIT);
        values = new LinkedHashMap<>(checked.get());
    }

    /**
     * Submits the values; {@code requireComplete} refuses them if a required one is missing or a rule fails.
     * A report received on paper carries its {@code receipt}, whose date stands for the submission. Returns
     * whether this was the first submission, the one that decides whether the report is late.
     */
    boolean submit(Runnable requireComplete, LocalDate today, Receipt paper) {
        ReportStatus next = ReportLifecycle.next(status, ReportAction.SUBMIT);
        requireComplete.run();
        status = next;
        LocalDate on = paper == null ? today : paper.receivedOn();
        submittedOn = on;
        if (paper != null) {
            receipt = paper;
        }
        if (firstSubmittedOn != null) {
            return false;
        }
        firstSubmittedOn = on;
        late = on.isAfter(dueOn);
        return true;
    }

    void returnForCorrection(List<String> reasons, LocalDate today) {
        status = ReportLifecycle.next(status, ReportAction.RETURN);
        returns.add(new Return(today, List.copyOf(reasons)));
    }

    void accept(LocalDate today) {
        status = ReportLifecycle.next(status, ReportAction.ACCEPT);
        acceptedOn = today;
        addRevision(null, today);
    }

    /** An audited correction of an accepted report: the new values replace the old, which stay readable. */
    void revise(Supplier<Map<String, ReportValue>> checked, String reason, LocalDate today) {
        status = ReportLifecycle.next(status, ReportAction.REVISE);
        values = new LinkedHashMap<>(checked.get());
        addRevision(reason, today);
    }

    private void addRevision(String reason, LocalDate today) {
        revision++;
        revisions.add(new Revision(revision, new LinkedHashMap<>(values), reason, today));
        Map<String, ReportAccepted.ReportedValue> reported = new LinkedHashMap<>();
        values.forEach((code, v) -> reported.put(code, new ReportAccepted.ReportedValue(v.value(), v.provisional(), v.estimated())));
        record(OutboxEvent.of(ReportingContract.REPORT_ACCEPTED, id, new ReportAccepted(id, revision, formCode, unitId,
                period, reported, late, today)));
    }

    String id() {
        return id;
    }

    long storeVersion() {
        return storeVersion == null ? 0 : storeVersion;
    }

    String formCode() {
        return formCode;
    }

    String unitId() {
        return unitId;
    }

    String period() {
        return period;
    }

    Map<String, ReportValue> values() {
        return Collections.unmodifiableMap(values);
    }

    boolean late() {
        return late;
    }

    List<Revision> revisions() {
        return List.copyOf(revisions);
    }

    ReportView view() {
        return new ReportView(id, formCode, unitId, period, status, ReportView.values(values), dueOn, firstSubmittedOn,
                submittedOn, late, receipt == null ? null
                        : new ReportView.ReceiptView(receipt.receivedOn(), receipt.enteredBy(), receipt.enteredAt()),
                returns.stream().map(r -> new ReportView.ReturnView(r.returnedOn(), r.reasons())).toList(),
                acceptedOn, revision, storeVersion());
    }
}
