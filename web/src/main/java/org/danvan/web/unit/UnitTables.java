package org.danvan.web.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.danvan.web.api.Table;
import org.danvan.web.cases.CaseViews;
import org.danvan.web.cases.StaffCases;
import org.danvan.web.units.UnitTree;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The three tables of "Đơn vị của tôi" as downloads, each written once as rows (headers in the user's language)
 * and served as CSV or Excel by {@link Table}: targets with every unit judged, who has not reported, the cases.
 */
@Component
class UnitTables {

    private final UnitDashboard dashboard;
    private final UnitTree tree;
    private final StaffCases cases;
    private final MessageSource messages;
    private final Clock clock;

    UnitTables(UnitDashboard dashboard, UnitTree tree, StaffCases cases, MessageSource messages, Clock clock) {
        this.dashboard = dashboard;
        this.tree = tree;
        this.cases = cases;
        this.messages = messages;
        this.clock = clock;
    }

    /** The table named {@code targets}, {@code reports} or {@code cases} for the unit and period. */
    Table table(String name, String unit, Periods period) {
        return switch (name) {
            case "targets" -> targets(unit, period);
            case "reports" -> reports(unit, period);
            default -> cases(unit);
        };
    }

    private Table targets(String unit, Periods period) {
        Set<String> codes = new HashSet<>();
        tree.subtree(unit, LocalDate.now(clock)).forEach(u -> codes.add(u.code()));
        List<List<Object>> rows = new ArrayList<>();
        for (UnitDashboard.TargetLine line : dashboard.targets(dashboard.directives(), unit, codes, period)) {
            ReportingApi.Target target = line.target();
            String threshold = message("comparator." + target.comparator()) + " " + target.threshold().toPlainString();
            for (ReportingApi.Entry entry : line.units().isEmpty() && line.shown() != null ? List.of(line.shown()) : line.units()) {
                rows.add(row(target.directiveNumber(), target.description(), target.indicatorCode(), threshold, entry.code(),
                        entry.name(), entry.value(), message("attainment." + entry.status())));
            }
        }
        return new Table("chi-tieu_" + unit + "_" + period, headers("csv.targets"), rows);
    }

    private Table reports(String unit, Periods period) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitDashboard.ReportLine line : dashboard.reports(dashboard.directives(), unit, period)) {
            if (line.notReported().isEmpty()) {
                rows.add(row(line.code(), line.title(), line.receivedReports(), line.expectedReports(), null, null, null));
            }
            for (UnitDashboard.Owing owing : line.notReported()) {
                rows.add(row(line.code(), line.title(), line.receivedReports(), line.expectedReports(), owing.unitId(), owing.name(),
                        String.join(" ", owing.missing().stream().map(o -> o.form() + " " + o.period()).toList())));
            }
        }
        return new Table("bao-cao_" + unit + "_" + period, headers("csv.reports"), rows);
    }

    private Table cases(String unit) {
        List<List<Object>> rows = new ArrayList<>();
        for (CaseViews.StaffCase c : cases.queue(unit)) {
            rows.add(row(c.deadline(), c.overdue() ? message("case.overdue") : null, c.subject(), message("kind." + c.kind()),
                    message("status." + c.status()), c.trackingCode()));
        }
        return new Table("vu-viec_" + unit, headers("csv.cases"), rows);
    }

    /** A row that may hold empty (null) cells, which {@code List.of} refuses. */
    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    private List<String> headers(String key) {
        return List.of(message(key).split("\\|"));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
