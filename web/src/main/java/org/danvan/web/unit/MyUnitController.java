package org.danvan.web.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.danvan.web.api.ConcurrentCalls;
import org.danvan.web.api.ConcurrentCalls.Call;
import org.danvan.web.api.Table;
import org.danvan.web.cases.CaseViews;
import org.danvan.web.cases.StaffCases;
import org.danvan.web.units.UnitApi;
import org.danvan.web.units.UnitTree;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Đơn vị của tôi": a unit (the user's own by default, or one below it) for a period — the targets that bind
 * it with their status and chart, the reports owed with who has not reported, its cases by deadline — with
 * the unit and period picked by a plain GET form, a drill-down to the units below and a download of each table.
 */
@Controller
@RequestMapping("/unit")
class MyUnitController {

    private final UnitDashboard dashboard;
    private final UnitTree tree;
    private final StaffCases cases;
    private final UnitTables tables;
    private final Clock clock;
    private final ConcurrentCalls calls;

    MyUnitController(UnitDashboard dashboard, UnitTree tree, StaffCases cases, UnitTables tables, Clock clock,
            ConcurrentCalls calls) {
        this.dashboard = dashboard;
        this.tree = tree;
        this.cases = cases;
        this.tables = tables;
        this.clock = clock;
        this.calls = calls;
    }

    @GetMapping
    String today(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period, Model model) {
        String mine = user.getClaimAsString("unit_id");
        String shown = unit == null || unit.isBlank() ? mine : unit.trim();
        Periods asked = period(period);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("period", asked);
        model.addAttribute("periods", Periods.choices(today));
        model.addAttribute("myUnit", mine);
        if (shown == null) {
            return "unit/today";
        }
        // the subtree starts with the unit itself: one call for both; the directives and cases are read beside it
        Call<List<ReportingApi.Directive>> inForce = calls.fork(dashboard::directives);
        Call<List<CaseViews.StaffCase>> queue = calls.fork(() -> cases.queue(shown));
        List<UnitApi.Unit> subtree = tree.subtree(shown, today);
        UnitApi.Unit current = subtree.getFirst();
        Set<String> codes = new HashSet<>();
        subtree.forEach(u -> codes.add(u.code()));
        List<ReportingApi.Directive> directives = inForce.join();
        model.addAttribute("unit", current);
        model.addAttribute("trail", trail(shown, mine, today));
        model.addAttribute("children", subtree.stream().filter(u -> shown.equals(u.parentId())).toList());
        // the three tables' reads side by side: the page waits for the slowest, not for their sum
        Call<List<UnitDashboard.TargetLine>> targets = calls.fork(() -> dashboard.targets(directives, shown, codes, asked));
        Call<List<UnitDashboard.ReportLine>> reports = calls.fork(() -> dashboard.reports(directives, shown, asked));
        model.addAttribute("cases", queue.join());
        model.addAttribute("targets", targets.join());
        model.addAttribute("reports", reports.join());
        return "unit/today";
    }

    /** The way from the user's own unit down to the one shown, for the breadcrumb and the unit picker. */
    private List<UnitApi.Unit> trail(String shown, String mine, LocalDate today) {
        List<UnitApi.Unit> trail = new ArrayList<>();
        if (shown.equals(mine)) {
            return trail;
        }
        for (UnitApi.Unit ancestor : tree.ancestors(shown, today)) {
            trail.addFirst(ancestor);
            if (ancestor.code().equals(mine)) {
                break;
            }
        }
        return trail;
    }

    /** A table of the page ({@code targets}, {@code reports}, {@code cases}) as CSV or Excel. */
    @GetMapping("/{table:targets|reports|cases}.{format:" + Table.FORMATS + "}")
    ResponseEntity<byte[]> table(@PathVariable String table, @PathVariable String format, @RequestParam String unit,
            @RequestParam(required = false) String period) {
        return tables.table(table, unit, period(period)).download(format);
    }

    /** reporting-service's own CSV or Excel export of an indicator's figures, fetched with the user's token. */
    @GetMapping("/indicators/{code}/values.{format:csv|xlsx}")
    ResponseEntity<byte[]> indicatorExport(@PathVariable String code, @PathVariable String format, @RequestParam String unit,
            @RequestParam(required = false) String period) {
        ResponseEntity<byte[]> export = dashboard.indicatorExport(code, unit, period(period), format);
        // the file as reporting-service names and types it
        return ResponseEntity.ok().headers(headers -> List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION).forEach(name -> {
            String value = export.getHeaders().getFirst(name);
            if (value != null) {
                headers.set(name, value);
            }
        })).body(export.getBody());
    }

    /** The period asked for, or this year when none (or none the API would understand) is given. */
    private Periods period(String text) {
        Periods parsed = Periods.parse(text);
        return parsed != null ? parsed : Periods.parse(Integer.toString(LocalDate.now(clock).getYear()));
    }
}
