package org.danvan.reporting.duties;

import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reports routed through a unit: when a directive's duty goes via a unit (the Ban Dân vận), that unit's cadres
 * and reviewers may read the reports its recipients send under it, to check and chase them, without any other
 * right over the issuer's subtree.
 */
@Component
public class DutyRouting {

    private final MongoTemplate mongo;

    DutyRouting(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether the caller's unit is the "via" unit of a duty whose recipients include {@code reportingUnitId}. */
    public boolean routesThroughCallersUnit(Caller caller, String reportingUnitId) {
        if (caller.unitId() == null || !caller.hasAny(Roles.CADRE, Roles.REVIEWER)) {
            return false;
        }
        return mongo.exists(Query.query(Criteria.where("viaUnitId").is(caller.unitId()).and("recipientUnitIds").is(reportingUnitId)),
                DutyDocument.class);
    }
}
