package org.danvan.reporting.duties;

import java.util.List;
import java.util.Optional;

import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.DirectiveRevoked;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.reporting.DirectiveEventHandler;
import org.danvan.support.persistence.DuplicateKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The reporting duty and resolved recipients of every directive, kept from the directive topic alone. */
@Component
class DirectiveDuties implements DirectiveEventHandler {

    private final MongoTemplate mongo;

    DirectiveDuties(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Upserts the directive's duty unless a version at least as new is stored; false for a redelivered or stale
     * event. The guard and the write are one atomic operation.
     */
    @Override
    public boolean apply(String eventId, DirectiveIssued issued) {
        ReportingDuty duty = issued.reportingDuty();
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(issued.directiveId())
                .and("directiveVersion").lt(issued.version()));
        Update update = new Update()
                .set("directiveVersion", issued.version())
                .set("number", issued.number())
                .set("title", issued.title())
                .set("issuerUnitId", issued.issuerUnitId())
                .set("issuedOn", issued.issuedOn())
                .set("recipientUnitIds", issued.recipientUnitIds())
                .set("cadences", duty == null ? List.of() : duty.cadences().stream().map(Enum::name).toList())
                .set("dueOffsetDays", duty == null ? 0 : duty.dueOffsetDays())
                .set("reportToUnitId", duty == null ? null : duty.reportToUnitId())
                .set("viaUnitId", duty == null ? null : duty.viaUnitId())
                .set("lastEventId", eventId);
        return DuplicateKeys.firstWrite(() -> mongo.upsert(olderOrAbsent, update, DutyDocument.class));
    }

    /**
     * Keeps the day the revocation takes effect, unless a version at least as new is stored: the duty owes no
     * report for a period that ends on or after it.
     */
    @Override
    public boolean revoke(String eventId, DirectiveRevoked revoked) {
        Query older = Query.query(Criteria.where("_id").is(revoked.directiveId()).and("directiveVersion").lt(revoked.version()));
        Update update = new Update()
                .set("directiveVersion", revoked.version())
                .set("revokedOn", revoked.effectiveOn())
                .set("lastEventId", eventId);
        return mongo.updateFirst(older, update, DutyDocument.class).getModifiedCount() > 0;
    }

    Optional<DutyDocument> find(String directiveId) {
        return Optional.ofNullable(mongo.findById(directiveId, DutyDocument.class));
    }

}
