package org.danvan.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Persistence form of a report: its current values, every return with its reasons and every accepted
 * revision as it was; pending events ride in {@code outbox} in the same document write.
 */
@Document("reports")
class ReportDocument {

    @Id
    String id;
    @Version
    Long storeVersion;
    String formCode;
    String unitId;
    String period;
    ReportStatus status;
    Map<String, ReportValue> values = new LinkedHashMap<>();
    Instant createdAt;
    /** Period end plus the grace days in force when the report was created. */
    LocalDate dueOn;
    LocalDate firstSubmittedOn;
    LocalDate submittedOn;
    /** Decided by the first submission: a return for corrections does not make the unit late. */
    boolean late;
    List<Return> returns = new ArrayList<>();
    LocalDate acceptedOn;
    /** 0 until accepted, then the number of the current revision. */
    int revision;
    List<Revision> revisions = new ArrayList<>();
    List<OutboxEvent> outbox = new ArrayList<>();

    record Return(LocalDate returnedOn, List<String> reasons) {
    }

    /** The values of one accepted revision; {@code reason} explains every revision after the first. */
    record Revision(int revision, Map<String, ReportValue> values, String reason, LocalDate acceptedOn) {
    }
}
