package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest accepted revision of one report, as read from the report topic. {@code revision} guards every
 * write: a newer revision replaces the values, a redelivered or older one changes nothing.
 */
@Document("accepted_reports")
@CompoundIndex(name = "unit_period", def = "{'unitId': 1, 'periodStart': 1, 'periodEnd': 1}")
record AcceptedReportDocument(
        @Id String reportId,
        int revision,
        String formCode,
        String unitId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        Map<String, BigDecimal> numbers,
        Map<String, Boolean> answers,
        boolean late,
        LocalDate acceptedOn,
        String lastEventId) {

    AcceptedValues values() {
        return new AcceptedValues(reportId, revision, formCode, unitId, ReportingPeriod.of(period), numbers, answers,
                late, acceptedOn);
    }
}
