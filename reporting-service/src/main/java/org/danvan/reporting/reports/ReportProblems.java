package org.danvan.reporting.reports;

import java.util.List;
import java.util.Map;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** The ways a report change can be refused. */
final class ReportProblems {

    private ReportProblems() {
    }

    /** One report per form, unit and period: a second one would double-count. */
    static final class DuplicateReport extends DanvanProblem {
        DuplicateReport(String formCode, String unitId, String period) {
            super(HttpStatus.CONFLICT, "duplicate-report", formCode, unitId, period);
        }
    }

    /** The lifecycle does not allow this step from the report's status; {@code allowed} lists what it does. */
    static final class IllegalTransition extends DanvanProblem {
        IllegalTransition(ReportAction action, ReportStatus status, List<ReportAction> allowed) {
            super(HttpStatus.CONFLICT, "report-illegal-transition",
                    new DefaultMessageSourceResolvable(new String[] {"report.action." + action.slug()}, action.slug()),
                    new DefaultMessageSourceResolvable(new String[] {"report.status." + status.name()}, status.name()),
                    String.join(", ", allowed.stream().map(ReportAction::slug).toList()));
            getBody().setProperty("status", status.name());
            getBody().setProperty("allowed", allowed.stream().map(ReportAction::slug).toList());
        }
    }

    /** A bulk import with at least one invalid row; nothing was imported. */
    static final class ImportRejected extends DanvanProblem {
        ImportRejected(int rows, List<Map<String, Object>> errors) {
            super(HttpStatus.BAD_REQUEST, "report-import-rejected", errors.size(), rows);
            getBody().setProperty("errors", errors);
        }
    }
}
