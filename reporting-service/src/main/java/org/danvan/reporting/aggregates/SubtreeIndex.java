package org.danvan.reporting.aggregates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Euler tour of one period's tree: every subtree is a range of positions, so its size, its units of a level
 * and its leaves are counted by two binary searches instead of a walk (the nation has 620,000 units).
 */
final class SubtreeIndex {

    private final UnitNode[] order;
    private final int[] end;
    private final Map<String, Integer> positions;
    private final Map<String, int[]> byLevel = new HashMap<>();
    private final int[] leaves;

    SubtreeIndex(UnitTree tree, Collection<UnitNode> all) {
        List<UnitNode> open = all.stream().filter(u -> tree.unit(u.unitId()).isPresent()).toList();
        order = new UnitNode[open.size()];
        end = new int[open.size()];
        positions = new HashMap<>(open.size() * 2);
        int next = 0;
        for (UnitNode root : open) {
            if (tree.parentOf(root.unitId()) == null) {
                next = tour(tree, root, next);
            }
        }
        Map<String, List<Integer>> levels = new HashMap<>();
        List<Integer> leafPositions = new ArrayList<>();
        for (int i = 0; i < next; i++) {
            levels.computeIfAbsent(String.valueOf(order[i].level()), l -> new ArrayList<>()).add(i);
            if (end[i] == i + 1) {
                leafPositions.add(i);
            }
        }
        levels.forEach((level, list) -> byLevel.put(level, list.stream().mapToInt(Integer::intValue).toArray()));
        leaves = leafPositions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Numbers the subtree of {@code root} from {@code next} on, depth first; returns the next free position. */
    private int tour(UnitTree tree, UnitNode root, int next) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        positions.put(root.unitId(), next);
        order[next++] = root;
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            UnitNode unit = (UnitNode) top[0];
            List<UnitNode> children = tree.children(unit.unitId());
            int child = (int) top[1];
            if (child < children.size()) {
                top[1] = child + 1;
                UnitNode c = children.get(child);
                if (!positions.containsKey(c.unitId())) {
                    positions.put(c.unitId(), next);
                    order[next++] = c;
                    stack.push(new Object[] {c, 0});
                }
            } else {
                end[positions.get(unit.unitId())] = next;
                stack.pop();
            }
        }
        return next;
    }

    List<UnitNode> subtree(String unitId) {
        Integer at = positions.get(unitId);
        return at == null ? List.of() : List.of(Arrays.copyOfRange(order, at, end[at]));
    }

    int expectedCount(String unitId, Collection<String> levels) {
        Integer at = positions.get(unitId);
        if (at == null) {
            return 0;
        }
        if (levels.isEmpty()) {
            return count(leaves, at, end[at]);
        }
        return levels.stream().mapToInt(level -> count(byLevel.getOrDefault(level, new int[0]), at, end[at])).sum();
    }

    List<UnitNode> expectedUnits(String unitId, Collection<String> levels) {
        Integer at = positions.get(unitId);
        if (at == null) {
            return List.of();
        }
        List<int[]> sources = levels.isEmpty() ? List.of(leaves)
                : levels.stream().map(level -> byLevel.getOrDefault(level, new int[0])).toList();
        List<Integer> found = new ArrayList<>();
        for (int[] positionsOfLevel : sources) {
            int from = lowerBound(positionsOfLevel, at);
            for (int i = from; i < positionsOfLevel.length && positionsOfLevel[i] < end[at]; i++) {
                found.add(positionsOfLevel[i]);
            }
        }
        found.sort(null);
        return found.stream().map(i -> order[i]).toList();
    }

    boolean below(String unitId, String ancestorId) {
        Integer unit = positions.get(unitId);
        Integer ancestor = positions.get(ancestorId);
        return unit != null && ancestor != null && unit > ancestor && unit < end[ancestor];
    }

    int position(String unitId) {
        return positions.getOrDefault(unitId, -1);
    }

    private static int count(int[] sorted, int from, int to) {
        return lowerBound(sorted, to) - lowerBound(sorted, from);
    }

    private static int lowerBound(int[] sorted, int value) {
        int i = Arrays.binarySearch(sorted, value);
        return i >= 0 ? i : -i - 1;
    }
}
