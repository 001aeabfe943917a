package org.danvan.reporting.aggregates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.danvan.reporting.forms.ReportingPeriod;

/** The unit tree as it was during one period: only units open then, under the parents they had then. */
final class UnitTree {

    private final Map<String, UnitNode> units = new HashMap<>();
    private final Map<String, List<UnitNode>> children = new HashMap<>();

    UnitTree(Collection<UnitNode> all, ReportingPeriod period) {
        for (UnitNode unit : all) {
            if (!unit.openDuring(period)) {
                continue;
            }
            units.put(unit.unitId(), unit);
            unit.parentDuring(period).ifPresent(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit));
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(UnitNode::code, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitNode::unitId)));
    }

    Optional<UnitNode> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    List<UnitNode> children(String unitId) {
        return children.getOrDefault(unitId, List.of());
    }

    /** The unit and every unit below it, the unit first; empty when the unit was not open in the period. */
    List<UnitNode> subtree(String unitId) {
        UnitNode root = units.get(unitId);
        if (root == null) {
            return List.of();
        }
        Set<UnitNode> seen = new LinkedHashSet<>();
        Deque<UnitNode> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            UnitNode unit = todo.pop();
            if (seen.add(unit)) {
                todo.addAll(children(unit.unitId()));
            }
        }
        return List.copyOf(seen);
    }
}
