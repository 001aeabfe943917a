package org.danvan.contracts.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code danvan.unit.changed.v1}: a unit was renamed or moved (re-parented from {@code validFrom} to
 * {@code newParentId}). Carries the whole state after the change, parent history included.
 */
public record UnitChanged(
        String unitId,
        long version,
        String code,
        String name,
        String kind,
        String level,
        LocalDate openedOn,
        LocalDate closedOn,
        List<ParentLink> parents,
        LocalDate validFrom,
        String newParentId) {

    public UnitChanged {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
