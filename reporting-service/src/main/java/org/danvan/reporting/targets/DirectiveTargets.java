package org.danvan.reporting.targets;

import java.util.List;

import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.reporting.DirectiveEventHandler;
import org.danvan.reporting.aggregates.UnitScope;
import org.danvan.support.persistence.DuplicateKeys;
import org.danvan.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The targets of every directive, kept from the directive topic alone. */
@Component
class DirectiveTargets implements DirectiveEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DirectiveTargets.class);

    private final MongoTemplate mongo;
    private final UnitScope scope;

    DirectiveTargets(MongoTemplate mongo, UnitScope scope) {
        this.mongo = mongo;
        this.scope = scope;
    }

    /**
     * Upserts the directive's targets unless a version at least as new is stored; returns false for a
     * redelivered or stale event. The guard and the write are one atomic operation.
     */
    @Override
    public boolean apply(String eventId, DirectiveIssued issued) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(issued.directiveId())
                .and("directiveVersion").lt(issued.version()));
        Update update = new Update()
                .set("directiveVersion", issued.version())
                .set("number", issued.number())
                .set("title", issued.title())
                .set("issuerUnitId", issued.issuerUnitId())
                .set("lastEventId", eventId)
                .set("recipients", issued.recipientUnitIds())
                .set("targets", mongo.getConverter().convertToMongoType(issued.targets()));
        boolean applied = DuplicateKeys.firstWrite(() -> mongo.upsert(olderOrAbsent, update, TargetDocument.class));
        if (!applied) {
            log.debug("directive {} v{} already applied", issued.directiveId(), issued.version());
        }
        return applied;
    }

    /** The directive's targets, empty when it is unknown or not the caller's to see (the two look alike). */
    List<TargetView> targetsOf(String directiveId, Caller caller) {
        TargetDocument directive = mongo.findById(directiveId, TargetDocument.class);
        return directive == null || !visible(directive, caller) ? List.of()
                : directive.targets().stream().map(t -> TargetView.of(directive, t)).toList();
    }

    /** Whether the caller may see the directive at all: the same rule as directive-service's. */
    boolean visibleTo(String directiveId, Caller caller) {
        TargetDocument directive = mongo.findById(directiveId, TargetDocument.class);
        return directive != null && visible(directive, caller);
    }

    private boolean visible(TargetDocument directive, Caller caller) {
        return scope.seesDirective(caller, directive.issuerUnitId(), directive.recipients());
    }

}
