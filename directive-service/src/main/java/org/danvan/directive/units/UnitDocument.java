package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.danvan.contracts.unit.ParentLink;
import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Persistence form of a unit: its code is its id; {@code parents} is the dated history of its parent
 * (validFrom inclusive, validTo exclusive); pending events ride in {@code outbox}.
 */
@Document("units")
class UnitDocument {

    @Id
    String code;
    @Version
    Long storeVersion;
    /** Increases with every change; the version every unit event carries. */
    long revision;
    String name;
    String nameFolded;
    /** Names the unit had before a rename, each until (exclusive) the rename's date. */
    List<EarlierName> earlierNames = new ArrayList<>();
    String kind;
    String level;
    LocalDate openedOn;
    LocalDate closedOn;
    String successorUnitId;
    List<ParentLink> parents = new ArrayList<>();
    List<OutboxEvent> outbox = new ArrayList<>();

    boolean openOn(LocalDate date) {
        return !openedOn.isAfter(date) && (closedOn == null || closedOn.isAfter(date));
    }

    Optional<String> parentOn(LocalDate date) {
        return parents.stream()
                .filter(link -> !link.validFrom().isAfter(date) && (link.validTo() == null || link.validTo().isAfter(date)))
                .map(ParentLink::parentId).findFirst();
    }

    record EarlierName(String name, LocalDate until) {
    }

    String nameOn(LocalDate date) {
        return earlierNames.stream().filter(earlier -> date.isBefore(earlier.until()))
                .min(java.util.Comparator.comparing(EarlierName::until)).map(EarlierName::name).orElse(name);
    }

    UnitView view(LocalDate asOf) {
        return new UnitView(code, nameOn(asOf), kind, level, openedOn, closedOn, successorUnitId, parentOn(asOf).orElse(null),
                List.copyOf(parents), revision);
    }
}
