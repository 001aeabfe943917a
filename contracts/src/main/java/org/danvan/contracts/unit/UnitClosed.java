package org.danvan.contracts.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code danvan.unit.closed.v1}: a unit was closed on {@code closedOn}, possibly merged into
 * {@code successorUnitId}. Carries the whole final state so the compacted topic keeps the unit's history.
 */
public record UnitClosed(
        String unitId,
        long version,
        String code,
        String name,
        String kind,
        String level,
        LocalDate openedOn,
        LocalDate closedOn,
        List<ParentLink> parents,
        String successorUnitId) {

    public UnitClosed {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
