package org.danvan.contracts.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code danvan.unit.registered.v1}: a unit was opened. Like every unit event it carries the unit's whole
 * state, including its dated parent history, so the compacted topic alone rebuilds the tree as of any date.
 */
public record UnitRegistered(
        String unitId,
        long version,
        String code,
        String name,
        String kind,
        String level,
        LocalDate openedOn,
        List<ParentLink> parents) {

    public UnitRegistered {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
