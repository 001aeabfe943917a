package org.danvan.reporting.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.feedback.CaseExplained;
import org.danvan.contracts.feedback.CaseMerged;
import org.danvan.contracts.feedback.CaseOverdue;
import org.danvan.contracts.feedback.CaseReceived;
import org.danvan.contracts.feedback.CaseReopened;
import org.danvan.contracts.feedback.CaseResolved;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.reporting.aggregates.FigureSource;
import org.danvan.reporting.aggregates.RunningTotals;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.support.persistence.DuplicateKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The feedback figures of each responsible unit, from the case topic: cases received, resolved (on time),
 * overdue, explained with a roadmap, filed over level and prolonged (reopened or a repeat filing). A merged
 * duplicate is one matter with its case, so it is not received twice.
 */
@Component
class CaseFacts implements FigureSource {

    static final String RECEIVED = "CASES_RECEIVED";
    static final String RESOLVED = "CASES_RESOLVED";
    static final String RESOLVED_ON_TIME = "CASES_RESOLVED_ON_TIME";
    static final String OVERDUE = "CASES_OVERDUE";
    static final String EXPLAINED = "CASES_EXPLAINED";
    static final String OVER_LEVEL = "CASES_OVER_LEVEL";
    static final String PROLONGED = "CASES_PROLONGED";
    private static final List<String> CODES = List.of(RECEIVED, RESOLVED, RESOLVED_ON_TIME, OVERDUE, EXPLAINED,
            OVER_LEVEL, PROLONGED);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final RunningTotals totals;

    CaseFacts(MongoTemplate mongo, MeterRegistry meters, RunningTotals totals) {
        this.mongo = mongo;
        this.meters = meters;
        this.totals = totals;
    }

    void consume(CloudEvent event) {
        CaseStep step = switch (event.type()) {
            case FeedbackContract.CASE_RECEIVED -> {
                CaseReceived c = EventJson.read(event.data(), CaseReceived.class);
                yield new CaseStep(c.caseId(), new CaseFactDocument.Step("RECEIVED|" + c.round(), event.id(), "RECEIVED",
                        c.responsibleUnitId(), c.round(), c.receivedOn(), false, c.overLevel(), c.repeatOfCaseId() != null));
            }
            case FeedbackContract.CASE_RESOLVED -> {
                CaseResolved c = EventJson.read(event.data(), CaseResolved.class);
                yield new CaseStep(c.caseId(), new CaseFactDocument.Step("RESOLVED|" + c.round(), event.id(), "RESOLVED",
                        c.responsibleUnitId(), c.round(), c.resolvedOn(), c.onTime(), false, false));
            }
            case FeedbackContract.CASE_EXPLAINED -> {
                CaseExplained c = EventJson.read(event.data(), CaseExplained.class);
                yield new CaseStep(c.caseId(), new CaseFactDocument.Step("EXPLAINED|" + c.round(), event.id(), "EXPLAINED",
                        c.responsibleUnitId(), c.round(), c.explainedOn(), c.onTime(), false, false));
            }
            case FeedbackContract.CASE_REOPENED -> {
                CaseReopened c = EventJson.read(event.data(), CaseReopened.class);
                yield new CaseStep(c.caseId(), new CaseFactDocument.Step("REOPENED|" + c.round(), event.id(), "REOPENED",
                        c.responsibleUnitId(), c.round(), c.reopenedOn(), false, false, false));
            }
            case FeedbackContract.CASE_OVERDUE -> {
                CaseOverdue c = EventJson.read(event.data(), CaseOverdue.class);
                yield new CaseStep(c.caseId(), new CaseFactDocument.Step("OVERDUE|" + c.round() + "|" + c.deadline(),
                        event.id(), "OVERDUE", c.responsibleUnitId(), c.round(), c.detectedOn(), false, false, false));
            }
            case FeedbackContract.CASE_MERGED -> {
                CaseMerged c = EventJson.read(event.data(), CaseMerged.class);
                yield new CaseStep(c.caseId(), new CaseFactDocument.Step("MERGED", event.id(), "MERGED",
                        c.responsibleUnitId(), 0, c.mergedOn(), false, false, false));
            }
            default -> null;
        };
        String outcome = step == null ? "ignored" : apply(step.caseId(), step.step()) ? "applied" : "duplicate";
        meters.counter("danvan.events.consumed", "type", event.type(), "outcome", outcome).increment();
    }

    /**
     * Adds the step unless the case already has one with its key; false for a redelivered or replayed event. The
     * figures of the step's unit on its day move; a merge also moves those of the units that received the case.
     */
    boolean apply(String caseId, CaseFactDocument.Step step) {
        CaseFactDocument stored = mongo.findById(caseId, CaseFactDocument.class);
        boolean applied = stored == null || stored.steps().stream().noneMatch(s -> s.key().equals(step.key()));
        if (applied) {
            Query withoutStep = Query.query(Criteria.where("_id").is(caseId).and("steps.key").ne(step.key()));
            Update push = new Update().push("steps", mongo.getConverter().convertToMongoType(step));
            applied = DuplicateKeys.firstWrite(() -> mongo.upsert(withoutStep, push, CaseFactDocument.class));
        }
        Map<String, Set<LocalDate>> days = new HashMap<>();
        List<CaseFactDocument.Step> moved = new java.util.ArrayList<>(List.of(step));
        if (step.type().equals("MERGED") && stored != null) {
            moved.addAll(stored.steps());
        }
        moved.stream().filter(s -> s.unitId() != null && s.on() != null)
                .forEach(s -> days.computeIfAbsent(s.unitId(), u -> new HashSet<>()).add(s.on()));
        // recomputed even for a redelivered event: totals a crash left behind are finished here
        totals.figuresChanged(this, days);
        return applied;
    }

    @Override
    public Set<String> elementCodes() {
        return Set.copyOf(CODES);
    }

    /** Every unit that was ever responsible for a case gets all seven figures, zero when nothing happened. */
    @Override
    public Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> figures(Collection<String> unitIds,
            Collection<ReportingPeriod> periods) {
        Set<String> units = unitIds instanceof Set<String> set ? set : new HashSet<>(unitIds);
        List<CaseFactDocument> cases = mongo.find(Query.query(Criteria.where("steps.unitId").in(units)), CaseFactDocument.class);
        Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> byPeriod = new HashMap<>();
        periods.forEach(p -> byPeriod.put(p, figures(cases, units, p.start(), p.end())));
        return byPeriod;
    }

    private static Map<String, Map<String, BigDecimal>> figures(List<CaseFactDocument> cases, Set<String> units,
            LocalDate start, LocalDate end) {
        Map<String, Map<String, Set<String>>> counted = new HashMap<>();
        for (CaseFactDocument c : cases) {
            boolean merged = c.steps().stream().anyMatch(s -> s.type().equals("MERGED"));
            for (CaseFactDocument.Step s : c.steps()) {
                if (!units.contains(s.unitId())) {
                    continue;
                }
                Map<String, Set<String>> unit = counted.computeIfAbsent(s.unitId(), u -> new HashMap<>());
                if (s.on() == null || s.on().isBefore(start) || s.on().isAfter(end)) {
                    continue;
                }
                // a case counts once per figure and unit; resolutions count once per round
                switch (s.type()) {
                    case "RECEIVED" -> {
                        if (!merged) {
                            add(unit, RECEIVED, c.caseId() + "|" + s.round());
                            if (s.overLevel()) {
                                add(unit, OVER_LEVEL, c.caseId());
                            }
                            if (s.repeat()) {
                                add(unit, PROLONGED, c.caseId());
                            }
                        }
                    }
                    case "RESOLVED" -> {
                        add(unit, RESOLVED, c.caseId() + "|" + s.round());
                        if (s.onTime()) {
                            add(unit, RESOLVED_ON_TIME, c.caseId() + "|" + s.round());
                        }
                    }
                    case "EXPLAINED" -> add(unit, EXPLAINED, c.caseId());
                    case "OVERDUE" -> add(unit, OVERDUE, c.caseId());
                    case "REOPENED" -> add(unit, PROLONGED, c.caseId());
                    default -> {
                        // MERGED only takes the case out of the received count
                    }
                }
            }
        }
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        counted.forEach((unit, sets) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            CODES.forEach(code -> values.put(code, BigDecimal.valueOf(sets.getOrDefault(code, Set.of()).size())));
            figures.put(unit, values);
        });
        return figures;
    }

    private static void add(Map<String, Set<String>> unit, String code, String caseKey) {
        unit.computeIfAbsent(code, k -> new HashSet<>()).add(caseKey);
    }

    private record CaseStep(String caseId, CaseFactDocument.Step step) {
    }
}
