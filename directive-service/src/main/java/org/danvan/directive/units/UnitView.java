package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.unit.ParentLink;

/**
 * A unit as the API returns it: {@code parentId} is its parent as of the date asked for, {@code parents}
 * its whole dated parent history, {@code version} the value of its ETag.
 */
public record UnitView(
        String code,
        String name,
        String kind,
        String level,
        LocalDate openedOn,
        LocalDate closedOn,
        String successorUnitId,
        String parentId,
        List<ParentLink> parents,
        long version) {
}
