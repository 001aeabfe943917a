package org.danvan.feedback.units;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** This service's copy of one unit as of today, kept from the unit topic. */
@Document("units")
record UnitDocument(@Id String id, long version, String code, String name, String kind, String level,
        @Indexed String parentId, LocalDate closedOn) {
}
