package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.contracts.unit.UnitClosed;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.support.aggregate.AggregateRoot;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.text.VietnameseText;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation unit: its code is its id; {@code parents} is the dated history of its parent (validFrom
 * inclusive, validTo exclusive). Each step checks it is allowed, changes the state, raises {@code revision}
 * (the version every unit event carries) and records an event with the unit's whole state.
 */
@Document("units")
class Unit extends AggregateRoot {

    @Id
    String code;
    @Version
    Long storeVersion;
    /** Increases with every change; the version every unit event carries and the unit's ETag. */
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
    /** A merge whose children have not all moved to the successor yet ({@link UnitMerges} moves them). */
    boolean childrenToMove;

    record EarlierName(String name, LocalDate until) {
    }

    /** A new unit under {@code parent} (null for a root), which must be open then and not at a lower level. */
    static Unit register(UnitRequests.Register request, Unit parent, UnitsProperties tree) {
        tree.requireKnown(request.kind(), request.level());
        Unit unit = opened(request.code(), request.name(), request.kind(), request.level(), request.openedOn(),
                parent == null ? null : parent.code);
        if (parent != null) {
            unit.requireParent(parent, request.openedOn(), tree);
        }
        return unit;
    }

    /** A new unit whose parent is already known to fit, as a bulk import checks the whole tree at once. */
    static Unit opened(String code, String name, String kind, String level, LocalDate openedOn, String parentId) {
        Unit unit = new Unit();
        unit.code = code;
        unit.name = name;
        unit.nameFolded = VietnameseText.fold(name);
        unit.kind = kind;
        unit.level = level;
        unit.openedOn = openedOn;
        if (parentId != null) {
            unit.parents.add(new ParentLink(parentId, openedOn, null));
        }
        unit.revision = 1;
        unit.record(OutboxEvent.of(DirectiveContract.UNIT_REGISTERED, code, new UnitRegistered(code, unit.revision, code,
                name, kind, level, openedOn, unit.parents)));
        return unit;
    }

    /**
     * Re-parents from {@code from}; before that date the unit keeps rolling up along its old parent.
     * {@code parentLine} is the new parent's chain of ancestors then: the unit must not be in it.
     */
    void moveUnder(Unit parent, Collection<String> parentLine, LocalDate from, UnitsProperties tree) {
        if (!openOn(from)) {
            throw new UnitProblems.ClosedUnit(code, from);
        }
        requireParent(parent, from, tree);
        if (code.equals(parent.code) || parentLine.contains(code)) {
            throw new UnitProblems.TreeCycle(code, parent.code);
        }
        reparent(parent.code, from);
        changed(from, parent.code);
    }

    /** Renames from {@code from}; reads as of earlier dates keep the old name. */
    void rename(String newName, LocalDate from) {
        LocalDate earliest = earlierNames.stream().map(EarlierName::until).max(LocalDate::compareTo).orElse(openedOn)
                .plusDays(1);
        if (from.isBefore(earliest)) {
            throw new UnitProblems.DateOrder(code, from, earliest);
        }
        earlierNames.add(new EarlierName(name, from));
        name = newName;
        nameFolded = VietnameseText.fold(newName);
        changed(from, null);
    }

    /**
     * Closes the unit on {@code on}. With a successor this is a merge: {@code children} (open that day) must
     * be able to move to it then; they move afterwards ({@link #followMerge}), so the close stays one write.
     */
    void close(LocalDate on, Unit successor, List<Unit> children, UnitsProperties tree) {
        if (!openOn(on) || !on.isAfter(openedOn)) {
            throw new UnitProblems.DateOrder(code, on, openedOn.plusDays(1));
        }
        if (successor != null) {
            if (!successor.openOn(on)) {
                throw new UnitProblems.ClosedUnit(successor.code, on);
            }
            for (Unit child : children) {
                child.requireParent(successor, on, tree);
                child.currentLink().filter(link -> !on.isAfter(link.validFrom())).ifPresent(link -> {
                    throw new UnitProblems.DateOrder(child.code, on, link.validFrom().plusDays(1));
                });
            }
        }
        closedOn = on;
        successorUnitId = successor == null ? null : successor.code;
        childrenToMove = successor != null && !children.isEmpty();
        parents = parents.stream().map(link -> link.validTo() == null
                ? new ParentLink(link.parentId(), link.validFrom(), on) : link).toList();
        revision++;
        record(OutboxEvent.of(DirectiveContract.UNIT_CLOSED, code, new UnitClosed(code, revision, code, name, kind, level,
                openedOn, closedOn, parents, successorUnitId)));
    }

    /**
     * A child of {@code merged} on its closing day moves to its successor from that day. Returns false,
     * changing nothing, when it already has (or no longer hangs there): replaying a merge is harmless.
     */
    boolean followMerge(Unit merged) {
        if (!merged.code.equals(parentOn(merged.closedOn).orElse(null))) {
            return false;
        }
        reparent(merged.successorUnitId, merged.closedOn);
        changed(merged.closedOn, merged.successorUnitId);
        return true;
    }

    /** Every child of this merged unit now hangs under its successor. */
    void childrenMoved() {
        childrenToMove = false;
    }

    /** Whether this is the unit {@link #opened} would open from these values, unchanged since: a row imported again. */
    boolean isAsOpened(String name, String kind, String level, LocalDate openedOn, String parentId) {
        return revision == 1 && Objects.equals(this.name, name) && Objects.equals(this.kind, kind)
                && Objects.equals(this.level, level) && Objects.equals(this.openedOn, openedOn)
                && Objects.equals(parentOn(this.openedOn).orElse(null), parentId);
    }

    boolean openOn(LocalDate date) {
        return !openedOn.isAfter(date) && (closedOn == null || closedOn.isAfter(date));
    }

    Optional<String> parentOn(LocalDate date) {
        return parents.stream()
                .filter(link -> !link.validFrom().isAfter(date) && (link.validTo() == null || link.validTo().isAfter(date)))
                .map(ParentLink::parentId).findFirst();
    }

    String nameOn(LocalDate date) {
        return earlierNames.stream().filter(earlier -> date.isBefore(earlier.until()))
                .min(Comparator.comparing(EarlierName::until)).map(EarlierName::name).orElse(name);
    }

    UnitView view(LocalDate asOf) {
        return new UnitView(code, nameOn(asOf), kind, level, openedOn, closedOn, successorUnitId, parentOn(asOf).orElse(null),
                List.copyOf(parents), revision);
    }

    /** A parent is open on the date and at the same level (a body of it) or a higher one, never lower. */
    private void requireParent(Unit parent, LocalDate on, UnitsProperties tree) {
        if (!parent.openOn(on)) {
            throw new UnitProblems.ClosedUnit(parent.code, on);
        }
        if (tree.rank(parent.level) > tree.rank(level)) {
            throw new UnitProblems.ParentLevel(code, level, parent.code, parent.level);
        }
    }

    private Optional<ParentLink> currentLink() {
        return parents.stream().filter(link -> link.validTo() == null).findFirst();
    }

    private void reparent(String newParent, LocalDate from) {
        Optional<ParentLink> current = currentLink();
        if (current.isPresent() && !from.isAfter(current.get().validFrom())) {
            throw new UnitProblems.DateOrder(code, from, current.get().validFrom().plusDays(1));
        }
        List<ParentLink> links = new ArrayList<>();
        for (ParentLink link : parents) {
            links.add(link.validTo() == null ? new ParentLink(link.parentId(), link.validFrom(), from) : link);
        }
        links.add(new ParentLink(newParent, from, null));
        parents = links;
    }

    private void changed(LocalDate validFrom, String newParentId) {
        revision++;
        record(OutboxEvent.of(DirectiveContract.UNIT_CHANGED, code, new UnitChanged(code, revision, code, name, kind, level,
                openedOn, closedOn, parents, validFrom, newParentId)));
    }
}
