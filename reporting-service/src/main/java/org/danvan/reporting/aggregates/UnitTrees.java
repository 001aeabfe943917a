package org.danvan.reporting.aggregates;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.stereotype.Component;

/**
 * The dated unit tree of each period in use, built once from the store and then patched as this instance
 * applies unit events (the running totals walk it on every batch). A unit event applied by another instance
 * moves the store's tree stamp past the one this instance knows, and the next use reloads.
 */
@Component
class UnitTrees {

    /** Periods kept at once (six years with their halves and quarters, and a few more); a tree is its children lists. */
    private static final int PERIODS = 48;

    /**
     * How long the store's stamp is trusted: this instance's own unit writes patch the trees at once, another
     * instance's show within this.
     */
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final AggregateStore store;
    private long checkedAt;
    private String stamp;
    private Map<String, UnitNode> units;
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
        return List.copyOf(current().values());
    }

    synchronized UnitTree tree(ReportingPeriod period) {
        Map<String, UnitNode> all = current();
        return trees.computeIfAbsent(period, p -> new UnitTree(all, p));
    }

    /**
     * Takes a unit event this instance has just stored: patches the trees in place when the store's stamp moved
     * by this write alone ({@code stampAfter} follows the stamp this instance knew), reloads otherwise.
     */
    synchronized void applied(UnitNode unit, String stampBefore, String stampAfter) {
        if (units == null || !stampBefore.equals(stamp)) {
            stamp = null;
            return;
        }
        UnitNode before = units.put(unit.unitId(), unit);
        trees.values().forEach(tree -> tree.move(before, unit));
        stamp = stampAfter;
    }

    private synchronized Map<String, UnitNode> current() {
        long at = System.nanoTime();
        if (units != null && stamp != null && at - checkedAt < CHECK_EVERY.toNanos()) {
            return units;
        }
        checkedAt = at;
        // the stamp is read before the units: a write in between makes the next stamp differ, never the tree stale
        String now = store.treeStamp();
        if (!now.equals(stamp)) {
            Map<String, UnitNode> loaded = new ConcurrentHashMap<>();
            store.units().forEach(u -> loaded.put(u.unitId(), u));
            stamp = now;
            units = loaded;
            trees.clear();
        }
        return units;
    }
}
