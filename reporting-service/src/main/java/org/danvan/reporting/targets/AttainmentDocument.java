package org.danvan.reporting.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last published attainment of one target for one unit (or the whole, {@code unitId} null) and period.
 * A change is one conditional update (on the status it replaces) that also pushes the change event into
 * {@code outbox}, so a status and its event never exist without each other and two recomputations never
 * publish the same change twice.
 */
@Document("target_attainment")
record AttainmentDocument(
        @Id String id,
        String directiveId,
        String targetId,
        String unitId,
        String period,
        AttainmentStatus status,
        BigDecimal value,
        LocalDate evaluatedOn,
        List<OutboxEvent> outbox) {

    static String idOf(String directiveId, String targetId, String unitId, String period) {
        return directiveId + ":" + targetId + ":" + (unitId == null ? "*" : unitId) + ":" + period;
    }
}
