package org.danvan.reporting.aggregates;

import java.time.LocalDate;

import org.danvan.contracts.reporting.ReportOverdue;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.support.aggregate.AggregateRoot;
import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One (form, unit, period) whose report was found overdue. Its id is the triple, so the insert that records
 * it (with the overdue event in its outbox) succeeds once: a second check, or a second instance, finds the
 * key taken and publishes nothing.
 */
@Document("reports_overdue")
final class ReportOverdueDocument extends AggregateRoot {

    @Id
    private final String id;
    private final String formCode;
    private final String unitId;
    private final String period;
    private final LocalDate dueOn;
    private final LocalDate detectedOn;
    @Version
    private Long version;

    ReportOverdueDocument(String id, String formCode, String unitId, String period, LocalDate dueOn, LocalDate detectedOn) {
        this.id = id;
        this.formCode = formCode;
        this.unitId = unitId;
        this.period = period;
        this.dueOn = dueOn;
        this.detectedOn = detectedOn;
    }

    /** The report found overdue today, with its {@code danvan.report.overdue.v1} event recorded. */
    static ReportOverdueDocument detected(String formCode, String unitId, String period, LocalDate dueOn, LocalDate today) {
        ReportOverdueDocument overdue = new ReportOverdueDocument(idOf(formCode, unitId, period), formCode, unitId, period,
                dueOn, today);
        overdue.record(OutboxEvent.of(ReportingContract.REPORT_OVERDUE, overdue.id,
                new ReportOverdue(formCode, unitId, period, dueOn, today)));
        return overdue;
    }

    static String idOf(String formCode, String unitId, String period) {
        return formCode + ":" + unitId + ":" + period;
    }

    String id() {
        return id;
    }
}
