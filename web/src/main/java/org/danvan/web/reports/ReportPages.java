package org.danvan.web.reports;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.danvan.web.api.BusinessDay;
import org.danvan.web.api.ApiProblemException;
import org.danvan.web.security.Staff;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the report pages show, read through the gateway: the forms a unit owes now, a report with its form,
 * the figures computed from it and its revisions, and only the steps reporting-service allows the user.
 */
@Component
class ReportPages {

    /** Cadres and reviewers of the unit (or above it) draft, edit and submit; reviewers above it decide. */
    private static final String[] WORKERS = {"cadre", "reviewer", "operator"};

    private final ReportsApi api;
    private final Clock clock;

    ReportPages(ReportsApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** One form for one period a unit reports on now, with the unit's report when it has one. */
    record Owed(ReportViews.Form form, String period, ReportViews.Report report) {
    }

    List<Owed> owed(String unit) {
        List<ReportViews.Report> reports = api.search(unit, null, null, null).stream().filter(r -> unit.equals(r.unitId())).toList();
        return api.forms().stream().flatMap(form -> ReportPeriods.recent(form.periodType(), BusinessDay.today(clock)).stream()
                .map(period -> new Owed(form, period, reports.stream()
                        .filter(r -> r.formCode().equals(form.code()) && r.period().equals(period)).findFirst().orElse(null))))
                .toList();
    }

    /** Reports waiting for the reviewer: submitted below their unit (a unit does not judge its own). */
    List<ReportViews.Report> review(Staff staff) {
        return api.search(null, null, null, "SUBMITTED").stream().filter(r -> mayDecide(staff, r)).toList();
    }

    Map<String, ReportViews.Form> formsByCode() {
        return api.forms().stream().collect(Collectors.toMap(ReportViews.Form::code, Function.identity()));
    }

    /** The report page (a new report when {@code report} is null) with what the user typed and the API's problems. */
    String report(Model model, ReportViews.Report report, ReportEntry entry, ReportErrors errors, Staff staff) {
        ReportViews.Form form = api.form(entry.getForm());
        model.addAttribute("form", form);
        model.addAttribute("report", report);
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", errors.problem());
        model.addAttribute("canEdit", (report == null || report.editable()) && staff.hasAny(WORKERS));
        boolean decides = report != null && mayDecide(staff, report);
        model.addAttribute("canDecide", decides && "SUBMITTED".equals(report.status()));
        model.addAttribute("canRevise", decides && "ACCEPTED".equals(report.status()));
        if (report != null) {
            model.addAttribute("figures", figures(form, report));
            model.addAttribute("revisions", "ACCEPTED".equals(report.status()) ? api.revisions(report.id()) : List.of());
        }
        return "reports/report";
    }

    private static boolean mayDecide(Staff staff, ReportViews.Report report) {
        return staff.has("operator") || staff.has("reviewer") && !Objects.equals(report.unitId(), staff.unitId());
    }

    /** The indicators computed from this form's elements alone, for the report's unit and period. */
    private List<ReportViews.Figure> figures(ReportViews.Form form, ReportViews.Report report) {
        Set<String> collected = new HashSet<>();
        form.elements().forEach(e -> collected.add(e.code()));
        return api.indicators().stream().filter(i -> collected.containsAll(i.codes()))
                .map(i -> new ReportViews.Figure(i, value(i, report))).toList();
    }

    private java.math.BigDecimal value(ReportViews.Indicator indicator, ReportViews.Report report) {
        try {
            return api.indicatorValue(indicator.code(), report.unitId(), report.period()).value();
        } catch (ApiProblemException e) {
            // a figure the user may not read is left out, not the report
            return null;
        }
    }
}
