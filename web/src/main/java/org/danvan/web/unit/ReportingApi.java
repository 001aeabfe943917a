package org.danvan.web.unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The bodies the dashboard reads: directives (directive-service), targets, attainment and completeness (reporting-service). */
public final class ReportingApi {

    private ReportingApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DirectivePage(List<Directive> items) {

        public DirectivePage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Directive(String id, String status, Content content) {

        /** Issued or amended: a directive whose targets and duty bind today. */
        public boolean inForce() {
            return "ISSUED".equals(status) || "AMENDED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(String number, String title, String issuerUnitId, Duty reportingDuty) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Duty(String reportToUnitId, String viaUnitId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String directiveId, String directiveNumber, String targetId, String indicatorCode, String comparator,
            BigDecimal threshold, BigDecimal upperThreshold, String unit, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attainment(String directiveId, String targetId, String period, String rule, Entry whole, int unitsInScope,
            int unitsMet, List<Entry> units) {

        public Attainment {
            units = units == null ? List.of() : units;
        }
    }

    /** A null value is missing data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String unitId, String code, String name, String level, BigDecimal value, String status) {
    }

    /** Completeness of a standing form below a unit ({@code /api/v1/completeness/forms}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FormCompleteness(String formCode, String formName, String unitId, String period, int expectedUnits, int reportedUnits,
            int expectedReports, int receivedReports, int onTime, int late, BigDecimal completeness, List<Missing> notReported) {

        public FormCompleteness {
            notReported = notReported == null ? List.of() : notReported;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Missing(String unitId, String code, String name, String level, List<String> missingPeriods) {
    }

    /** Who has reported on a directive's duty ({@code /api/v1/duties/{id}/completeness}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DutyCompleteness(String directiveId, String number, String title, String period, int expectedUnits,
            int reportedUnits, int expectedReports, int receivedReports, int onTime, int late, BigDecimal completeness,
            List<Standing> notReported) {

        public DutyCompleteness {
            notReported = notReported == null ? List.of() : notReported;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standing(String unitId, String code, String name, String level, List<OwedReport> reports) {

        public Standing {
            reports = reports == null ? List.of() : reports;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwedReport(String formCode, String period, LocalDate dueOn, String standing) {
    }
}
