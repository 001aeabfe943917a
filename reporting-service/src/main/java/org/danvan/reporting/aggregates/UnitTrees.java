package org.danvan.reporting.aggregates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.stereotype.Component;

/**
 * The dated unit tree of each period asked about, built once from the store and kept while the store's tree
 * stamp stays the same: a national query no longer reads and links every unit. Any applied unit event (on
 * any instance) moves the stamp, so the next request rebuilds.
 */
@Component
class UnitTrees {

    /** Periods kept at once (a year, its halves and quarters, and a few more). */
    private static final int PERIODS = 16;

    private final AggregateStore store;
    private String stamp;
    private List<UnitNode> units;
    private final Map<ReportingPeriod, UnitTree> trees = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ReportingPeriod, UnitTree> eldest) {
            return size() > PERIODS;
        }
    };

    UnitTrees(AggregateStore store) {
        this.store = store;
    }

    /** Every unit as the store holds it now. */
    List<UnitNode> units() {
        return current();
    }

    UnitTree tree(ReportingPeriod period) {
        List<UnitNode> all = current();
        synchronized (this) {
            if (all == units) {
                UnitTree tree = trees.get(period);
                if (tree != null) {
                    return tree;
                }
            }
        }
        UnitTree tree = new UnitTree(all, period);
        synchronized (this) {
            if (all == units) {
                trees.put(period, tree);
            }
        }
        return tree;
    }

    private List<UnitNode> current() {
        // the stamp is read before the units: a write in between makes the next stamp differ, never the tree stale
        String now = store.treeStamp();
        synchronized (this) {
            if (now.equals(stamp)) {
                return units;
            }
            List<UnitNode> loaded = store.units();
            stamp = now;
            units = loaded;
            trees.clear();
            return loaded;
        }
    }
}
