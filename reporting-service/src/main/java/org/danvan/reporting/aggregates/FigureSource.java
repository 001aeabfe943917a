package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.danvan.reporting.forms.ReportingPeriod;

/**
 * Data-element values that come from events other than accepted reports (case events, a member registry).
 * For the elements it provides, a source's value for a unit replaces what that unit's reports say: the
 * event stream is the record, a typed-in figure only a fallback for units the stream does not cover. A source
 * tells {@link RunningTotals#figuresChanged} which units and days its events changed.
 */
public interface FigureSource {

    /** The data-element codes this source provides. */
    Set<String> elementCodes();

    /**
     * Values by period, unit id and element code, for the units over each period (read once for all of them): a
     * flow counts what happened inside the period, a stock is its latest value on or before its last day. A unit
     * the source knows nothing about is absent.
     */
    Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> figures(Collection<String> unitIds,
            Collection<ReportingPeriod> periods);

    /**
     * Whether the values are stocks (a change on a day moves every later period's value) rather than flows (a
     * change on a day moves the periods containing it). The running totals recompute the periods a change moves.
     */
    default boolean stock() {
        return false;
    }

    /** For a stock source, every unit it has a value for (they are carried into a new year); none for a flow. */
    default Collection<String> units() {
        return List.of();
    }
}
