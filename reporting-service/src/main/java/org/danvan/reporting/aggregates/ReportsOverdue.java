package org.danvan.reporting.aggregates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportForms;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.aggregate.AggregateWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds the reports whose due date (period end + grace days) has passed without an accepted report, from the
 * units expected as completeness computes them (the form's levels, open in the period). Each (form, unit,
 * period) is published once as {@code danvan.report.overdue.v1}; the gauge {@code danvan_reports_late{form}}
 * is the number of such reports still missing at the last check, so it falls as late reports arrive.
 */
@Component
class ReportsOverdue {

    private static final Logger log = LoggerFactory.getLogger(ReportsOverdue.class);
    /** Overdue records per bulk write (and per read of those already stored). */
    private static final int BATCH = 500;

    private final ReportForms forms;
    private final UnitTrees trees;
    private final FigureCells cells;
    private final AggregatesProperties aggregates;
    private final ReportOverdueProperties properties;
    private final MongoTemplate mongo;
    private final AggregateWrites writes;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> late = new ConcurrentHashMap<>();
    private final FiguresCatchUp catchUp;
    private final Clock clock;

    ReportsOverdue(ReportForms forms, UnitTrees trees, FigureCells cells, AggregatesProperties aggregates,
            ReportOverdueProperties properties, MongoTemplate mongo, AggregateWrites writes, MeterRegistry meters,
            FiguresCatchUp catchUp, Clock clock) {
        this.forms = forms;
        this.trees = trees;
        this.cells = cells;
        this.aggregates = aggregates;
        this.properties = properties;
        this.mongo = mongo;
        this.writes = writes;
        this.meters = meters;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** Every form's gauge exists from the start (at zero until the first check), so alerts and dashboards see it. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        forms.all().forEach(form -> gauge(form.code()));
    }

    @Scheduled(initialDelayString = "${danvan.reports-overdue.initial-delay:PT2M}",
            fixedDelayString = "${danvan.reports-overdue.interval:PT15M}")
    void scheduledCheck() {
        // a tree still being replayed would owe reports of units it has not seen closed
        if (!catchUp.caughtUp()) {
            return;
        }
        int published = check(LocalDate.now(clock));
        if (published > 0) {
            log.info("{} reports newly overdue", published);
        }
    }

    /** Checks every form's periods due before {@code today}; returns how many overdue events it queued. */
    synchronized int check(LocalDate today) {
        List<UnitNode> units = trees.units();
        int published = 0;
        for (ReportForm form : forms.all()) {
            int missing = 0;
            for (ReportingPeriod period : duePeriods(form.periodType(), today)) {
                UnitTree tree = new UnitTree(units, period);
                List<UnitNode> open = units.stream().filter(u -> tree.unit(u.unitId()).isPresent()).toList();
                List<UnitNode> expected = Aggregation.expectedUnits(tree, open, aggregates.levelsOf(form.code()));
                Set<String> reported = cells.reportingUnits(form.code(), period);
                List<String> owing = expected.stream().map(UnitNode::unitId).filter(u -> !reported.contains(u)).toList();
                missing += owing.size();
                LocalDate dueOn = period.end().plusDays(properties.graceDays());
                for (int from = 0; from < owing.size(); from += BATCH) {
                    published += record(form.code(), owing.subList(from, Math.min(owing.size(), from + BATCH)), period,
                            dueOn, today);
                }
            }
            gauge(form.code()).set(missing);
        }
        return published;
    }

    /** The form's periods whose due date is before today, ending at most lookback days ago. */
    List<ReportingPeriod> duePeriods(PeriodType type, LocalDate today) {
        LocalDate oldest = today.minusDays(properties.lookbackDays());
        return java.util.stream.IntStream.rangeClosed(oldest.getYear(), today.getYear()).boxed()
                .flatMap(year -> new ReportingPeriod(year, PeriodType.ANNUAL, 1).periodsOf(type).stream())
                .filter(p -> !p.end().isBefore(oldest))
                .filter(p -> p.end().plusDays(properties.graceDays()).isBefore(today))
                .collect(Collectors.toList());
    }

    /**
     * The units' overdue records not stored yet, with their events, in one bulk write; returns how many it stored.
     * Those already stored are read first (by id), so a re-check builds no event for them; one stored meanwhile
     * by another instance is refused by its key.
     */
    private int record(String formCode, List<String> unitIds, ReportingPeriod period, LocalDate dueOn, LocalDate today) {
        Map<String, String> unitById = new LinkedHashMap<>();
        unitIds.forEach(unit -> unitById.put(ReportOverdueDocument.idOf(formCode, unit, period.toString()), unit));
        Query stored = Query.query(Criteria.where("_id").in(unitById.keySet()));
        stored.fields().include("_id");
        mongo.find(stored, Document.class, mongo.getCollectionName(ReportOverdueDocument.class))
                .forEach(d -> unitById.remove(d.getString("_id")));
        List<ReportOverdueDocument> detected = unitById.values().stream()
                .map(unit -> ReportOverdueDocument.detected(formCode, unit, period.toString(), dueOn, today)).toList();
        return writes.insertNew(detected).size();
    }

    private AtomicInteger gauge(String formCode) {
        return late.computeIfAbsent(formCode, code -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("danvan.reports.late", value, AtomicInteger::get)
                    .description("Expected reports whose due date passed without an accepted report")
                    .tag("form", code).register(meters);
            return value;
        });
    }
}
