package org.danvan.reporting.aggregates;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.danvan.contracts.unit.ParentLink;
import org.danvan.reporting.forms.ReportingPeriod;

/**
 * One unit as the unit topic last described it, with its dated parent history.
 *
 * @param closedOn the first day the unit no longer exists; null while open
 * @param kind     what the unit is (PARTY_COMMITTEE, FATHERLAND_FRONT, FARMERS_UNION…); null when not known
 */
record UnitNode(String unitId, long version, String code, String name, String level, LocalDate openedOn,
        LocalDate closedOn, List<ParentLink> parents, String kind) {

    UnitNode {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    UnitNode(String unitId, long version, String code, String name, String level, LocalDate openedOn,
            LocalDate closedOn, List<ParentLink> parents) {
        this(unitId, version, code, name, level, openedOn, closedOn, parents, null);
    }

    /** Open on at least one day of the period. */
    boolean openDuring(ReportingPeriod period) {
        boolean openedInTime = openedOn == null || !openedOn.isAfter(period.end());
        boolean notClosedBefore = closedOn == null || closedOn.isAfter(period.start());
        return openedInTime && notClosedBefore;
    }

    /**
     * The parent the unit had during the period: the link valid on the last day of the period the unit was
     * open, so a unit moved in 2025 stays under its old parent for 2021.
     */
    Optional<String> parentDuring(ReportingPeriod period) {
        LocalDate day = period.end();
        if (closedOn != null && closedOn.isBefore(day.plusDays(1))) {
            day = closedOn.minusDays(1);
        }
        LocalDate asOf = day;
        return parents.stream()
                .filter(link -> link.validFrom() == null || !link.validFrom().isAfter(asOf))
                .filter(link -> link.validTo() == null || link.validTo().isAfter(asOf))
                .max(Comparator.comparing(ParentLink::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(ParentLink::parentId);
    }
}
