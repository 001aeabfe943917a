package org.danvan.directive.units;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.ConflictException;
import org.danvan.support.problem.DanvanProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the children of a merged unit to its successor. Closing writes only the closed unit, with a
 * persisted marker ({@code childrenToMove}) in that same write; this drains the marker right after the
 * close and, should the process die in between or a child be busy, on a periodic sweep. A marker in the
 * unit's own document was chosen over consuming our own {@code danvan.units.v1} event: it needs no consumer
 * group, no dead-letter topic and survives a crash just as well. Draining is idempotent: a child that
 * already follows the successor is left alone ({@link Unit#followMerge}), and the marker is cleared only
 * when no child hangs under the closed unit on its closing day any more.
 */
@Component
class UnitMerges {

    private static final Logger log = LoggerFactory.getLogger(UnitMerges.class);
    /** Rounds of re-reading children that another write changed meanwhile before leaving them to the sweep. */
    private static final int ROUNDS = 3;

    private final Units units;
    private final MongoTemplate mongo;
    private final AggregateWrites writes;
    private final MeterRegistry meters;

    UnitMerges(Units units, MongoTemplate mongo, AggregateWrites writes, MeterRegistry meters) {
        this.units = units;
        this.mongo = mongo;
        this.writes = writes;
        this.meters = meters;
    }

    /** Right after a close: moves its children now; whatever fails is left, marked, for the sweep. */
    void moveChildren(Unit merged) {
        if (!merged.childrenToMove) {
            return;
        }
        try {
            drain(merged);
        } catch (RuntimeException e) {
            log.warn("children of merged unit {} left for the next sweep", merged.code, e);
        }
    }

    @Scheduled(fixedDelayString = "${danvan.units.merge-sweep-delay:PT5M}")
    void sweep() {
        for (Unit merged : mongo.find(Query.query(Criteria.where("childrenToMove").is(true)), Unit.class)) {
            try {
                drain(merged);
            } catch (RuntimeException e) {
                log.warn("children of merged unit {} left for the next sweep", merged.code, e);
            }
        }
    }

    private void drain(Unit merged) {
        for (int round = 0; round < ROUNDS; round++) {
            List<Unit> children = units.childrenOn(merged.code, merged.closedOn);
            if (children.isEmpty()) {
                merged.childrenMoved();
                writes.update(merged);
                return;
            }
            children.forEach(child -> follow(child, merged));
        }
    }

    private void follow(Unit child, Unit merged) {
        try {
            if (child.followMerge(merged)) {
                writes.update(child);
                meters.counter("danvan.units.changed").increment();
            }
        } catch (ConflictException e) {
            // changed meanwhile: the next round reads it again
        } catch (DanvanProblem e) {
            // the close checked every child could move; one attached since then cannot follow on its own
            log.warn("unit {} cannot follow merged unit {}", child.code, merged.code, e);
        }
    }
}
