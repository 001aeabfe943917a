package org.danvan.reporting.aggregates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.stereotype.Component;

/**
 * Recomputes the cells a batch changed and every ancestor of them as the tree was in each period, deepest first,
 * each as its own values plus its children's stored totals, and writes them in one bulk conditional on the
 * versions they were read at. A cell's version is read before its children's totals, so a writer that changed a
 * child after that read also rewrites this cell and one of the two writes is refused: {@link #write} answers
 * false and the caller recomputes from fresh reads.
 */
@Component
class CellRollup {

    private final FigureCells cells;
    private final UnitTrees trees;
    private final ScopeStates scopes;

    CellRollup(FigureCells cells, UnitTrees trees, ScopeStates scopes) {
        this.cells = cells;
        this.trees = trees;
        this.scopes = scopes;
    }

    /** False when another writer changed one of the cells since it was read: nothing is lost, the batch comes again. */
    boolean write(Batch batch, FigureKeys.Keys current) {
        Map<ReportingPeriod, UnitTree> treeOf = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Set<String>> chainChildren = new HashMap<>();
        Map<String, ReportingPeriod> periodOf = new HashMap<>();
        batch.marked.forEach((period, units) -> {
            UnitTree tree = treeOf.computeIfAbsent(period, trees::tree);
            units.forEach(unit -> climb(tree, unit, depth, chainChildren, periodOf));
        });
        Map<String, FigureCell> work = new HashMap<>(batch.cells);
        load(work, depth.keySet(), periodOf);
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<FigureCell> written = new ArrayList<>();
        for (int level = deepest; level >= 0; level--) {
            int at = level;
            List<String> ids = depth.entrySet().stream().filter(e -> e.getValue() == at).map(Map.Entry::getKey).toList();
            Map<String, ReportingPeriod> kids = new HashMap<>();
            ids.forEach(id -> work.get(id).kids.forEach(k -> kids.put(FigureCell.idOf(k, periodOf.get(id)), periodOf.get(id))));
            // a child outside the chain is only read (its totals), never written
            kids.keySet().removeAll(work.keySet());
            if (!kids.isEmpty()) {
                work.putAll(cells.find(kids.keySet(), FigureCells.Part.TOTALS));
            }
            for (String id : ids) {
                FigureCell cell = work.get(id);
                UnitTree tree = treeOf.get(cell.period);
                Set<String> candidates = new HashSet<>(cell.kids);
                candidates.addAll(chainChildren.getOrDefault(id, Set.of()));
                List<FigureCell> children = candidates.stream().filter(k -> cell.unitId.equals(tree.parentOf(k)))
                        .map(k -> work.get(FigureCell.idOf(k, cell.period))).filter(c -> c != null).toList();
                cell.recomputeTotals(tree, current, children);
                if (!cell.empty() || cell.stored()) {
                    written.add(cell);
                }
            }
        }
        // deepest first: a reader that sees a parent's new version sees its children's too
        if (!cells.write(written)) {
            return false;
        }
        scopes.written(written);
        return true;
    }

    /** The units open in the period under {@code unit} in its tree, even while {@code unit} itself is not known yet. */
    List<String> children(String unit, ReportingPeriod period) {
        return trees.tree(period).children(unit).stream().map(UnitNode::unitId).toList();
    }

    /** The tree changed: every scope's running state is dropped, and rebuilt from the cells when next asked about. */
    void treeChanged() {
        scopes.treeChanged();
    }

    /** Numbers the unit's cell and its ancestors' by depth (the root 0) and links each to the chain member below it. */
    private static void climb(UnitTree tree, String unit, Map<String, Integer> depth, Map<String, Set<String>> chainChildren,
            Map<String, ReportingPeriod> periodOf) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String at = unit; at != null && seen.add(at); at = tree.parentOf(at)) {
            chain.add(at);
        }
        for (int i = 0; i < chain.size(); i++) {
            String id = FigureCell.idOf(chain.get(i), tree.period());
            periodOf.put(id, tree.period());
            depth.merge(id, chain.size() - 1 - i, Math::max);
            if (i > 0) {
                chainChildren.computeIfAbsent(id, p -> new HashSet<>()).add(chain.get(i - 1));
            }
        }
    }

    /** Reads the cells among {@code ids} not yet in {@code work}; a missing one starts empty (version 0). */
    private void load(Map<String, FigureCell> work, Collection<String> ids, Map<String, ReportingPeriod> periodOf) {
        List<String> missing = ids.stream().filter(id -> !work.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        work.putAll(cells.find(missing));
        for (String id : missing) {
            if (!work.containsKey(id)) {
                ReportingPeriod period = periodOf.get(id);
                work.put(id, new FigureCell(id.substring(period.toString().length() + 1), period, Map.of(), Map.of()));
            }
        }
    }

    /** The cells a batch changed and the units to recompute, per period. */
    static final class Batch {

        final Map<String, FigureCell> cells = new HashMap<>();
        final Map<ReportingPeriod, Set<String>> marked = new TreeMap<>(FigureYears.ORDER);

        void changed(FigureCell cell) {
            cells.put(cell.id(), cell);
            mark(cell.unitId, cell.period);
        }

        void mark(String unit, ReportingPeriod period) {
            marked.computeIfAbsent(period, p -> new HashSet<>()).add(unit);
        }
    }
}
