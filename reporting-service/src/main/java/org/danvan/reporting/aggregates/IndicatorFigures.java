package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.stereotype.Service;

/** Indicator values over a chosen set of units, for features that judge them (target attainment). */
@Service
public class IndicatorFigures {

    private final Aggregates aggregates;

    IndicatorFigures(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    /**
     * The indicator for every unit below (and including) {@code rootUnitId} of these levels and kinds (any, when
     * empty), as the tree was in the period: each on its own figures (its subtree's, for an indicator that rolls
     * up), and for all of them together. What each unit counts is kept as running state, changed as cells are;
     * {@code fromCells} rebuilds it from the cells first (a periodic check, not a read).
     *
     * @throws org.danvan.reporting.catalogue.NotFound for an unknown indicator or a unit not open in the period
     */
    public Figures figures(String indicatorCode, String rootUnitId, String period, Set<String> levels, Set<String> kinds,
            boolean fromCells) {
        Aggregates.ScopeFigures figures = aggregates.scopeFigures(indicatorCode, rootUnitId, period, levels, kinds, fromCells);
        return new Figures(figures.indicator().code(), figures.period().toString(), figures.period().start(),
                figures.period().end(), figures.flow(), figures.root(), figures.units(), figures.whole());
    }

    /** Whether the text is a period the aggregates understand (a year, a half or a quarter). */
    public static boolean isPeriod(String text) {
        return ReportingPeriod.parse(text).isPresent();
    }

    /**
     * @param flow  the indicator is a count that accumulates over the period (so a part of the period can be
     *              pro-rated); a rate or a stock is not
     * @param units the units in scope, each on its own figures (its subtree's for an indicator that rolls up)
     * @param whole all units in scope together, as a ratio of sums over what each of them counted
     */
    public record Figures(String indicatorCode, String period, LocalDate start, LocalDate end, boolean flow, UnitInfo root,
            List<UnitFigures> units, UnitFigures whole) {
    }

    public record UnitInfo(String unitId, String code, String name, String level, String kind) {
    }

    /** A null value is missing data. */
    public record UnitFigures(UnitInfo unit, BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
    }
}
