package org.danvan.reporting.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.reporting.TargetAttainmentChanged;
import org.danvan.reporting.aggregates.FiguresCatchUp;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.outbox.PendingOutboxIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes every directive's targets on a schedule and publishes {@code danvan.target.attainment-changed.v1}
 * for each unit (and whole) whose status changed. A schedule rather than a reaction to each event: attainment
 * moves with accepted reports, case facts, the member registry, the unit tree and with the calendar itself
 * (a running period's pace, a BY_DATE target's date passing), and a replay of thousands of events would
 * otherwise recompute thousands of times. A first evaluation that finds no data is stored without an event.
 */
@Component
class AttainmentChanges {

    static final String COLLECTION = "target_attainment";
    private static final Logger log = LoggerFactory.getLogger(AttainmentChanges.class);

    private final MongoTemplate mongo;
    private final Attainment attainment;
    private final PendingOutboxIndex outboxIndex;
    private final FiguresCatchUp catchUp;

    AttainmentChanges(MongoTemplate mongo, Attainment attainment, PendingOutboxIndex outboxIndex, FiguresCatchUp catchUp,
            MeterRegistry meters) {
        // targets as a whole by their latest status, counted in the store when scraped (a small collection)
        for (AttainmentStatus status : AttainmentStatus.values()) {
            Gauge.builder("danvan.targets.attainment", mongo, m -> m.count(Query.query(Criteria.where("unitId").is(null)
                            .and("status").is(status.name())), AttainmentDocument.class))
                    .description("Directive targets, as a whole, by their latest attainment status")
                    .tag("status", status.name()).register(meters);
        }
        this.mongo = mongo;
        this.attainment = attainment;
        this.outboxIndex = outboxIndex;
        this.catchUp = catchUp;
    }

    @Scheduled(initialDelayString = "${danvan.attainment.initial-delay:PT3M}",
            fixedDelayString = "${danvan.attainment.recompute-interval:PT1H}")
    void scheduledRecompute() {
        // figures still being replayed would publish every verdict they pass through on the way
        if (!catchUp.caughtUp()) {
            return;
        }
        int changed = recomputeAll(attainment.today());
        if (changed > 0) {
            log.info("{} target attainments changed", changed);
        }
    }

    /** Every target of every directive, for the periods it is judged on today. */
    int recomputeAll(LocalDate today) {
        int changed = 0;
        for (TargetDocument directive : mongo.findAll(TargetDocument.class)) {
            changed += recompute(directive, today);
        }
        return changed;
    }

    /** One directive's targets; returns the number of status changes queued. */
    int recompute(TargetDocument directive, LocalDate today) {
        int changed = 0;
        for (TargetSpec target : directive.targets()) {
            for (String period : periods(target, today)) {
                try {
                    // the periodic check rebuilds the scope's running state from the cells: a write it missed is caught here
                    changed += record(attainment.recheck(directive, target, period, today));
                } catch (NotFound e) {
                    // the issuer or the indicator is not known (yet): nothing to judge
                    log.debug("target {}/{} not evaluated: {}", directive.directiveId(), target.targetId(), e.getMessage());
                }
            }
        }
        return changed;
    }

    /** A yearly target: this year and last year (whose late reports may still arrive); otherwise its one period. */
    static List<String> periods(TargetSpec target, LocalDate today) {
        TargetPeriod when = target.period();
        if (when == null || when.type() == TargetPeriod.Type.EVERY_YEAR) {
            return List.of(Integer.toString(today.getYear() - 1), Integer.toString(today.getYear()));
        }
        return List.of(Attainment.judgedPeriod(target, null, today));
    }

    int record(AttainmentView view) {
        List<AttainmentView.Entry> entries = new ArrayList<>(view.units());
        int changed = 0;
        for (AttainmentView.Entry entry : entries) {
            changed += record(view, entry.unitId(), entry);
        }
        changed += record(view, null, view.whole());
        return changed;
    }

    private int record(AttainmentView view, String unitId, AttainmentView.Entry entry) {
        String id = AttainmentDocument.idOf(view.directiveId(), view.targetId(), unitId, view.period());
        AttainmentDocument stored = mongo.findById(id, AttainmentDocument.class);
        if (stored != null && stored.status() == entry.status() && sameValue(stored.value(), entry.value())) {
            return 0;
        }
        if (stored == null && entry.status() == AttainmentStatus.NO_DATA) {
            mongo.insert(new AttainmentDocument(id, view.directiveId(), view.targetId(), unitId, view.period(),
                    entry.status(), entry.value(), view.evaluatedOn(), List.of()));
            return 0;
        }
        if (stored != null && stored.status() == entry.status()) {
            // only the value moved: keep it current without an event
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("value", entry.value())
                    .set("evaluatedOn", view.evaluatedOn()), AttainmentDocument.class);
            return 0;
        }
        OutboxEvent event = OutboxEvent.of(ReportingContract.TARGET_ATTAINMENT_CHANGED, view.directiveId() + ":" + view.targetId(),
                new TargetAttainmentChanged(view.directiveId(), view.targetId(), view.indicatorCode(), unitId, view.period(),
                        entry.status().name(), stored == null ? null : stored.status().name(), entry.value()));
        if (stored == null) {
            try {
                mongo.insert(new AttainmentDocument(id, view.directiveId(), view.targetId(), unitId, view.period(),
                        entry.status(), entry.value(), view.evaluatedOn(), List.of(event)));
                return 1;
            } catch (DuplicateKeyException e) {
                return 0;
            }
        }
        Query unchangedSince = Query.query(Criteria.where("_id").is(id).and("status").is(stored.status().name()));
        Update update = new Update().set("status", entry.status().name()).set("value", entry.value())
                .set("evaluatedOn", view.evaluatedOn())
                .push("outbox", mongo.getConverter().convertToMongoType(event));
        if (mongo.updateFirst(unchangedSince, update, AttainmentDocument.class).getModifiedCount() == 0) {
            return 0;
        }
        outboxIndex.mark(COLLECTION, id);
        return 1;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || a != null && b != null && a.compareTo(b) == 0;
    }
}
