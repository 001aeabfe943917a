package org.danvan.reporting.aggregates;

import java.time.LocalDate;
import java.util.List;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One (form, unit, period) whose report was found overdue. Its id is the triple, so the insert that records
 * it (with the overdue event in its outbox) succeeds once: a second check, or a second instance, finds the
 * key taken and publishes nothing.
 */
@Document("reports_overdue")
record ReportOverdueDocument(
        @Id String id,
        String formCode,
        String unitId,
        String period,
        LocalDate dueOn,
        LocalDate detectedOn,
        List<OutboxEvent> outbox) {

    static String idOf(String formCode, String unitId, String period) {
        return formCode + ":" + unitId + ":" + period;
    }
}
