package org.danvan.reporting.membership;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One member (by the registry's pseudonym) of one organisation's branch at one unit. Its id is the triple,
 * so enrolling or leaving twice sets the same date again and counts once.
 */
@Document("membership_members")
@CompoundIndex(name = "unit", def = "{'unitId': 1}")
record MemberDocument(@Id String id, String organisation, String unitId, String memberId, LocalDate enrolledOn,
        Boolean active, LocalDate leftOn) {

    static String idOf(String organisation, String unitId, String memberId) {
        return organisation + ":" + unitId + ":" + memberId;
    }

    /** A member on the day: enrolled by then and not gone (a later re-enrolment undoes an earlier departure). */
    boolean memberOn(LocalDate day) {
        if (enrolledOn == null || enrolledOn.isAfter(day)) {
            return false;
        }
        return leftOn == null || leftOn.isAfter(day) || leftOn.isBefore(enrolledOn);
    }

    boolean isActive() {
        return Boolean.TRUE.equals(active);
    }
}
