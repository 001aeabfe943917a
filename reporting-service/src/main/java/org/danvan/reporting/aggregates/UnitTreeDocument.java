package org.danvan.reporting.aggregates;

import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.unit.ParentLink;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * reporting-service's copy of one unit from the unit topic, with its dated parents and, for a unit closed by a
 * merge, the unit that absorbed it. {@code version} guards every write, so a redelivered or older event never
 * overwrites a newer state.
 */
// named by the generation of the figures this instance builds
@Document("#{@figureGeneration.collection('aggregate_units')}")
record UnitTreeDocument(
        @Id String unitId,
        long version,
        String code,
        String name,
        String kind,
        String level,
        LocalDate openedOn,
        LocalDate closedOn,
        List<ParentLink> parents,
        String successorUnitId,
        String lastEventId) {

    UnitNode node() {
        return new UnitNode(unitId, version, code, name, level, openedOn, closedOn, parents, kind);
    }
}
