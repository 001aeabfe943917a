package org.danvan.web.unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.ConcurrentCalls;
import org.danvan.web.api.ConcurrentCalls.Call;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * What "Đơn vị của tôi" shows for one unit and period: the targets that bind the unit or units below it, with
 * their status and their value over the last periods, and the reports owed with who has not reported.
 */
@Service
class UnitDashboard {

    /** How many periods the chart runs over, ending with the one asked for. */
    static final int CHART_PERIODS = 4;

    private final UnitFigures figures;
    private final ConcurrentCalls calls;

    UnitDashboard(UnitFigures figures, ConcurrentCalls calls) {
        this.figures = figures;
        this.calls = calls;
    }

    List<ReportingApi.Directive> directives() {
        return figures.directivesInForce();
    }

    ResponseEntity<byte[]> indicatorExport(String indicator, String unit, Periods period, String format) {
        return figures.indicatorExport(indicator, unit, period, format);
    }

    /**
     * One target for the unit: its own entry when the target judges it, the whole when the unit issued it, and
     * the units below it that the target judges (the drill-down).
     */
    record TargetLine(ReportingApi.Target target, ReportingApi.Entry own, ReportingApi.Entry whole,
            List<ReportingApi.Entry> units, ValueChart chart) {

        /** The entry the line shows for the unit itself, or null when only units below it are judged. */
        public ReportingApi.Entry shown() {
            return own != null ? own : whole;
        }

        public long met() {
            return units.stream().filter(u -> "MET".equals(u.status())).count();
        }
    }

    /** One report owed below the unit: a standing form or a directive's duty. */
    record ReportLine(String code, String title, boolean duty, int expectedUnits, int reportedUnits, int expectedReports,
            int receivedReports, int onTime, int late, BigDecimal completeness, List<Owing> notReported) {
    }

    /** A unit that has not reported, with what it still owes (form and period). */
    record Owing(String unitId, String name, String level, List<Owed> missing) {
    }

    /** One report owed: a form for a period. */
    record Owed(String form, String period) {
    }

    List<TargetLine> targets(List<ReportingApi.Directive> directives, String unit, Set<String> subtree, Periods period) {
        List<Periods> series = period.series(CHART_PERIODS);
        List<List<ReportingApi.Target>> targets = calls.all(directives.stream()
                .<Supplier<List<ReportingApi.Target>>>map(d -> () -> figures.targets(d.id())).toList());
        // every target's attainment over the chart's periods: one call per target, all asked at once
        List<Supplier<List<ReportingApi.Attainment>>> reads = new ArrayList<>();
        for (int d = 0; d < directives.size(); d++) {
            String directiveId = directives.get(d).id();
            for (ReportingApi.Target target : targets.get(d)) {
                reads.add(() -> figures.attainments(directiveId, target.targetId(), series, unit));
            }
        }
        Iterator<List<ReportingApi.Attainment>> attainments = calls.all(reads).iterator();
        List<TargetLine> lines = new ArrayList<>();
        for (int d = 0; d < directives.size(); d++) {
            boolean issuer = unit.equals(directives.get(d).content().issuerUnitId());
            for (ReportingApi.Target target : targets.get(d)) {
                List<ReportingApi.Attainment> over = attainments.next();
                // the series ends with the period asked for
                ReportingApi.Attainment now = over.getLast();
                ReportingApi.Entry own = ownEntry(now, unit);
                List<ReportingApi.Entry> below = now.units().stream()
                        .filter(e -> !unit.equals(e.unitId()) && subtree.contains(e.unitId())).toList();
                if (!issuer && own == null && below.isEmpty()) {
                    continue;
                }
                List<ReportingApi.Entry> values = over.stream()
                        .map(a -> own != null ? ownEntry(a, unit) : issuer ? a.whole() : null).toList();
                ValueChart chart = own != null || issuer
                        ? ValueChart.of(series, values, target.threshold(), "PERCENT".equals(target.unit())) : null;
                lines.add(new TargetLine(target, own, issuer ? now.whole() : null, below, chart));
            }
        }
        return lines;
    }

    private static ReportingApi.Entry ownEntry(ReportingApi.Attainment attainment, String unit) {
        return attainment.units().stream().filter(e -> unit.equals(e.unitId())).findFirst().orElse(null);
    }

    /**
     * The standing forms owed below the unit, then the duties of the directives it issued or that report
     * through it; a form nobody below owes in the period is left out.
     */
    List<ReportLine> reports(List<ReportingApi.Directive> directives, String unit, Periods period) {
        // the duties of the directives the unit issued or that report through it
        List<ReportingApi.Directive> dutyBound = directives.stream().filter(directive -> {
            ReportingApi.Duty duty = directive.content().reportingDuty();
            return duty != null && (unit.equals(directive.content().issuerUnitId()) || unit.equals(duty.viaUnitId()));
        }).toList();
        // none: the unit is not in the period's tree
        Call<List<ReportingApi.FormCompleteness>> standing = calls.fork(() -> Objects.requireNonNullElse(
                notFoundAsNull(() -> figures.completeness(unit, period)), List.of()));
        // null: reporting-service has not read the directive's duty yet, or it is not this unit's to see
        List<ReportingApi.DutyCompleteness> duties = calls.all(dutyBound.stream()
                .<Supplier<ReportingApi.DutyCompleteness>>map(directive -> () -> notFoundAsNull(() -> figures.duty(directive.id(), period)))
                .toList());
        List<ReportLine> lines = new ArrayList<>();
        for (ReportingApi.FormCompleteness c : standing.join()) {
            if (c.expectedReports() > 0) {
                lines.add(new ReportLine(c.formCode(), c.formName(), false, c.expectedUnits(), c.reportedUnits(),
                        c.expectedReports(), c.receivedReports(), c.onTime(), c.late(), c.completeness(),
                        c.notReported().stream().map(m -> new Owing(m.unitId(), m.name(), m.level(),
                                m.missingPeriods().stream().map(p -> new Owed(c.formCode(), p)).toList())).toList()));
            }
        }
        for (ReportingApi.DutyCompleteness c : duties) {
            if (c != null && c.expectedReports() > 0) {
                lines.add(new ReportLine(c.number(), c.title(), true, c.expectedUnits(), c.reportedUnits(),
                        c.expectedReports(), c.receivedReports(), c.onTime(), c.late(), c.completeness(),
                        c.notReported().stream().map(s -> new Owing(s.unitId(), s.name(), s.level(), s.reports().stream()
                                .filter(r -> "MISSING".equals(r.standing()))
                                .map(r -> new Owed(r.formCode(), r.period())).toList())).toList()));
            }
        }
        return lines;
    }

    /** A figure the API does not have for the unit (404: not in the period's tree, or not the caller's) is left out. */
    private static <T> T notFoundAsNull(Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiProblemException e) {
            if (e.problem().status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
