package org.danvan.reporting.membership;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A branch's member counts on a date; one per (organisation, unit, date), a later snapshot of the same date replaces it. */
@Document("membership_snapshots")
@CompoundIndex(name = "unit", def = "{'unitId': 1}")
record SnapshotDocument(@Id String id, String organisation, String unitId, LocalDate asOf, int members,
        int activeMembers, String lastEventId) {

    static String idOf(String organisation, String unitId, LocalDate asOf) {
        return organisation + ":" + unitId + ":" + asOf;
    }
}
