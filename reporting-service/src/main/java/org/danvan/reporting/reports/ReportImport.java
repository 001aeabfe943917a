package org.danvan.reporting.reports;

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
    List<ReportView> run(List<ReportImportRows.Row> rows, String defaultForm, Locale locale, java.util.function.Predicate<String> allowed) {
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
                if (checked.violations().isEmpty()) {
                    String key = formCode + "|" + row.unitId() + "|" + checked.period();
                    Integer earlier = rowOfKey.putIfAbsent(key, row.number());
                    if (earlier != null) {
                        violations.add(new Violation("unitId", "report.import.duplicate-row", row.unitId(), checked.period(), earlier));
                    } else if (repository.existsByFormCodeAndUnitIdAndPeriod(formCode, row.unitId(), checked.period().toString())) {
                        violations.add(new Violation("unitId", "report.import.exists", formCode, row.unitId(), checked.period()));
                    } else {
                        accepted.add(reports.newSubmittedReport(checked, row.unitId()));
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
}
