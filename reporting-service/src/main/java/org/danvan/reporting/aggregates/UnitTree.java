package org.danvan.reporting.aggregates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.danvan.reporting.forms.ReportingPeriod;

/**
 * The unit tree as it was during one period: only units open then, under the parents they had then. The
 * running totals patch it in place as unit events arrive ({@link #move}); its subtree index (an Euler tour)
 * is rebuilt on the next read after a change.
 */
final class UnitTree {

    private static final Comparator<UnitNode> ORDER = Comparator.comparing(UnitNode::code,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(UnitNode::unitId);

    private final ReportingPeriod period;
    private final Map<String, UnitNode> all;
    /** Children lists are replaced, never changed, so a reader never sees one half-written. */
    private final Map<String, List<UnitNode>> children = new ConcurrentHashMap<>();
    private volatile SubtreeIndex index;

    UnitTree(Collection<UnitNode> all, ReportingPeriod period) {
        this(byId(all), period);
    }

    /** A tree over {@code all}, which the caller keeps current (see {@link UnitTrees}). */
    UnitTree(Map<String, UnitNode> all, ReportingPeriod period) {
        this.period = period;
        this.all = all;
        Map<String, List<UnitNode>> lists = new HashMap<>();
        for (UnitNode unit : all.values()) {
            if (unit.openDuring(period)) {
                unit.parentDuring(period).ifPresent(parent -> lists.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit));
            }
        }
        lists.forEach((parent, list) -> {
            list.sort(ORDER);
            children.put(parent, List.copyOf(list));
        });
    }

    private static Map<String, UnitNode> byId(Collection<UnitNode> units) {
        Map<String, UnitNode> map = new HashMap<>();
        units.forEach(u -> map.put(u.unitId(), u));
        return map;
    }

    ReportingPeriod period() {
        return period;
    }

    Optional<UnitNode> unit(String unitId) {
        UnitNode unit = all.get(unitId);
        return unit != null && unit.openDuring(period) ? Optional.of(unit) : Optional.empty();
    }

    List<UnitNode> children(String unitId) {
        return children.getOrDefault(unitId, List.of());
    }

    /** The unit's parent in the period, when both are open then; null otherwise. */
    String parentOf(String unitId) {
        return unit(unitId).flatMap(u -> u.parentDuring(period)).filter(p -> unit(p).isPresent()).orElse(null);
    }

    /** The unit and every unit below it, the unit first; empty when the unit was not open in the period. */
    List<UnitNode> subtree(String unitId) {
        return index().subtree(unitId);
    }

    /**
     * How many units of the subtree are expected to report: those of the levels, or its leaves when the levels
     * are not known.
     */
    int expectedCount(String unitId, Collection<String> levels) {
        return index().expectedCount(unitId, levels);
    }

    List<UnitNode> expectedUnits(String unitId, Collection<String> levels) {
        return index().expectedUnits(unitId, levels);
    }

    /** Whether {@code unitId} lies strictly inside {@code ancestorId}'s subtree. */
    boolean below(String unitId, String ancestorId) {
        return index().below(unitId, ancestorId);
    }

    /** Where the subtree index puts the unit: units of a subtree follow their root. */
    int position(String unitId) {
        return index().position(unitId);
    }

    /** Moves {@code before} (null when new) to where {@code after} is in this period. */
    void move(UnitNode before, UnitNode after) {
        String oldParent = before == null || !before.openDuring(period) ? null : before.parentDuring(period).orElse(null);
        String newParent = after.openDuring(period) ? after.parentDuring(period).orElse(null) : null;
        if (oldParent != null) {
            List<UnitNode> list = new ArrayList<>(children(oldParent));
            list.removeIf(u -> u.unitId().equals(after.unitId()));
            children.put(oldParent, List.copyOf(list));
        }
        if (newParent != null) {
            List<UnitNode> list = new ArrayList<>(children(newParent));
            list.removeIf(u -> u.unitId().equals(after.unitId()));
            list.add(after);
            list.sort(ORDER);
            children.put(newParent, List.copyOf(list));
        }
        index = null;
    }

    private SubtreeIndex index() {
        SubtreeIndex current = index;
        if (current == null) {
            current = new SubtreeIndex(this, all.values());
            index = current;
        }
        return current;
    }
}
