package org.danvan.reporting.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.danvan.support.problem.InvalidRequestException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Creates many submitted reports at once, all or nothing: every row is checked first — unit, period,
 * form, values, the form's rules, a second row or a stored report for the same form, unit and period —
 * and one invalid row rejects the whole import with every error of every row.
 */
@Service
class ReportImport {

    private final Reports reports;
    private final ReportRepository repository;
    private final MessageSource messages;

    ReportImport(Reports reports, ReportRepository repository, MessageSource messages) {
        this.reports = reports;
        this.repository = repository;
        this.messages = messages;
    }

    /** {@code allowed}: whether the caller may report for a unit; rows for other units are errors. */
    /** {@code enteredBy}: who typed the reports in, kept with those received on paper (a {@code receivedOn} column). */
    List<ReportView> run(List<ReportImportRows.Row> rows, String defaultForm, Locale locale, java.util.function.Predicate<String> allowed,
            String enteredBy) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Report> accepted = new ArrayList<>();
        Map<String, Integer> rowOfKey = new HashMap<>();
        if (rows.isEmpty()) {
            errors.add(error(0, new Violation("body", "report.import.empty"), locale));
        }
        for (ReportImportRows.Row row : rows) {
            List<Violation> violations = new ArrayList<>(row.errors());
            String formCode = row.formCode() != null ? row.formCode() : defaultForm;
            if (row.number() > 0) {
                require(row.unitId(), "unitId", violations);
                if (row.unitId() != null && !row.unitId().isBlank() && !allowed.test(row.unitId().trim())) {
                    violations.add(new Violation("unitId", "report.import.unit-out-of-scope", row.unitId()));
                }
                require(row.period(), "period", violations);
                require(formCode, "formCode", violations);
            }
            if (row.unitId() != null && row.period() != null && formCode != null) {
                Reports.Checked checked = reports.check(formCode, row.period(), row.values(), true);
                violations.addAll(checked.violations());
                LocalDate receivedOn = receivedOn(row.receivedOn(), violations);
                Report.Receipt paper = checked.period() == null ? null
                        : reports.receipt(receivedOn, checked.period(), enteredBy, violations);
                if (violations.isEmpty()) {
                    String key = formCode + "|" + row.unitId() + "|" + checked.period();
                    Integer earlier = rowOfKey.putIfAbsent(key, row.number());
                    if (earlier != null) {
                        violations.add(new Violation("unitId", "report.import.duplicate-row", row.unitId(), checked.period(), earlier));
                    } else if (repository.existsByFormCodeAndUnitIdAndPeriod(formCode, row.unitId(), checked.period().toString())) {
                        violations.add(new Violation("unitId", "report.import.exists", formCode, row.unitId(), checked.period()));
                    } else {
                        accepted.add(reports.newSubmittedReport(checked, row.unitId(), paper));
                    }
                }
            }
            violations.forEach(v -> errors.add(error(row.number(), v, locale)));
        }
        if (!errors.isEmpty()) {
            throw new ReportProblems.ImportRejected(rows.size(), errors);
        }
        if (!reports.insertSubmitted(accepted)) {
            // another request stored one of these reports meanwhile
            throw new ReportProblems.ImportRejected(rows.size(),
                    List.of(error(0, new Violation("body", "report.import.concurrent"), locale)));
        }
        return accepted.stream().map(Report::view).toList();
    }

    private static void require(String value, String field, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "report.import.required", field));
        }
    }

    private Map<String, Object> error(int row, Violation violation, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("row", row);
        error.put("field", violation.field());
        error.put("reason", messages.getMessage(violation.messageCode(), violation.arguments(), violation.messageCode(), locale));
        return error;
    }

    private static final java.time.format.DateTimeFormatter VIETNAMESE_DATE = java.time.format.DateTimeFormatter
            .ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A date as written in a sheet: ISO (2021-07-10) or Vietnamese (10/07/2021); null when empty. */
    private static LocalDate receivedOn(String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (java.time.format.DateTimeFormatter format : List.of(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, VIETNAMESE_DATE)) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (java.time.format.DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        violations.add(new Violation("receivedOn", "report.received-on.not-a-date", text));
        return null;
    }
}
