package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.danvan.reporting.catalogue.AggregationType;
import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.Indicator;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.stereotype.Service;

/**
 * Live figures read from the running totals ({@link RunningTotals}): a unit's figure is its cell's totals, each
 * row its child's; the tree, and so the children and the expected units, is the one of the period asked about.
 */
@Service
class Aggregates {

    private final FigureCells cells;
    private final UnitTrees trees;
    private final FigureKeys keys;
    private final ScopeStates states;

    Aggregates(FigureCells cells, UnitTrees trees, FigureKeys keys, ScopeStates states) {
        this.cells = cells;
        this.trees = trees;
        this.keys = keys;
        this.states = states;
    }

    IndicatorValuesView indicator(String code, String unitId, String periodText) {
        FigureKeys.Keys current = keys.keys();
        Indicator indicator = Optional.ofNullable(current.indicators().get(code)).orElseThrow(() -> new NotFound("indicator", code));
        List<String> codes = current.indicator(code).codes();
        Set<String> levels = current.indicator(code).levels();
        Scope scope = scope(unitId, periodText);
        List<IndicatorValuesView.Row> rows = scope.tree().children(unitId).stream().map(child -> {
            FigureCell cell = scope.cells().get(child.unitId());
            Aggregation.Figures figures = Aggregation.figures(indicator, totals(cell, codes));
            return new IndicatorValuesView.Row(child.unitId(), child.code(), child.name(), child.level(), figures.numerator(),
                    figures.denominator(), figures.value(), reporting(cell == null ? null : cell.indicatorReporting, code),
                    scope.tree().expectedCount(child.unitId(), levels));
        }).toList();
        FigureCell root = scope.cells().get(unitId);
        Aggregation.Figures total = Aggregation.figures(indicator, totals(root, codes));
        return new IndicatorValuesView(indicator.code(), indicator.name().vi(), unitId, scope.root().name(),
                scope.period().toString(), total.numerator(), total.denominator(), indicator.factor(), total.value(),
                reporting(root == null ? null : root.indicatorReporting, code), scope.tree().expectedCount(unitId, levels), rows);
    }

    ElementValuesView element(String code, String unitId, String periodText) {
        FigureKeys.Keys current = keys.keys();
        DataElement element = Optional.ofNullable(current.elements().get(code)).orElseThrow(() -> new NotFound("data-element", code));
        Set<String> levels = current.element(code).levels();
        Scope scope = scope(unitId, periodText);
        List<ElementValuesView.Row> rows = scope.tree().children(unitId).stream().map(child -> {
            FigureCell cell = scope.cells().get(child.unitId());
            return new ElementValuesView.Row(child.unitId(), child.code(), child.name(), child.level(),
                    totals(cell, List.of(code)).get(code), reporting(cell == null ? null : cell.reporting, code),
                    scope.tree().expectedCount(child.unitId(), levels));
        }).toList();
        FigureCell root = scope.cells().get(unitId);
        return new ElementValuesView(code, element.aggregation(), unitId, scope.root().name(), scope.period().toString(),
                totals(root, List.of(code)).get(code), reporting(root == null ? null : root.reporting, code),
                scope.tree().expectedCount(unitId, levels), rows);
    }

    CompletenessView completeness(String formCode, String unitId, String periodText, Locale locale) {
        ReportForm form = Optional.ofNullable(keys.keys().forms().get(formCode))
                .orElseThrow(() -> new NotFound("report-form", formCode));
        return completeness(List.of(form), unitId, periodText, locale).getFirst();
    }

    /** Completeness of every form below the unit, in the order of their codes. */
    List<CompletenessView> completenessOfEveryForm(String unitId, String periodText, Locale locale) {
        List<ReportForm> forms = keys.keys().forms().values().stream().sorted(Comparator.comparing(ReportForm::code)).toList();
        return completeness(forms, unitId, periodText, locale);
    }

    /**
     * The counts are the unit's cell alone, read once for all the forms; the units still owing are read below it
     * only where its subtree counts fewer reported units than owe the form.
     */
    private List<CompletenessView> completeness(List<ReportForm> forms, String unitId, String periodText, Locale locale) {
        FigureKeys.Keys current = keys.keys();
        ReportingPeriod period = period(periodText);
        UnitTree tree = trees.tree(period);
        tree.unit(unitId).orElseThrow(() -> new NotFound("unit", unitId));
        FigureCell root = cells.find(List.of(unitId), period, FigureCells.Part.STANDINGS).get(unitId);
        return forms.stream().map(form -> {
            FigureKeys.Key owes = current.form(form.code());
            List<ReportingPeriod> owed = period.periodsOf(form.periodType());
            int expected = tree.expectedCount(unitId, owes.levels());
            FormTally tally = root == null ? FormTally.NONE : root.standings.getOrDefault(form.code(), FormTally.NONE);
            boolean allReported = owed.isEmpty() || tally.reported() >= expected;
            List<CompletenessView.Missing> missing = allReported ? List.of()
                    : Completeness.owing(owes, owed, unitId, tree, ids -> cells.find(ids, period, FigureCells.Part.STANDINGS));
            return Completeness.of(form.code(), form.name().in(locale), unitId, period, expected, owed, tally, missing);
        }).toList();
    }

    /**
     * An indicator for each unit of the scope (see {@link ScopeStates.Key}), and for all of them together as a
     * ratio of sums. Each unit counts the figures it reports itself, or, for an indicator that
     * {@link Indicator#rollsUp() rolls up}, those of its whole subtree. What each unit counts is the scope's running
     * state; {@code fromCells} rebuilds it from the cells first.
     */
    ScopeFigures scopeFigures(String indicatorCode, String rootUnitId, String periodText, Set<String> levels, Set<String> kinds,
            boolean fromCells) {
        FigureKeys.Keys current = keys.keys();
        Indicator indicator = Optional.ofNullable(current.indicators().get(indicatorCode))
                .orElseThrow(() -> new NotFound("indicator", indicatorCode));
        Map<String, DataElement> catalogued = current.elements();
        List<String> codes = current.indicator(indicatorCode).codes();
        ReportingPeriod period = period(periodText);
        UnitTree tree = trees.tree(period);
        UnitNode root = tree.unit(rootUnitId).orElseThrow(() -> new NotFound("unit", rootUnitId));
        ScopeStates.Key key = new ScopeStates.Key(indicatorCode, rootUnitId, period, levels, kinds);
        List<ScopeStates.Entry> entries = fromCells ? states.build(key, tree, indicator, codes) : states.entries(key, tree, indicator, codes);
        List<IndicatorFigures.UnitFigures> units = new ArrayList<>();
        Map<String, BigDecimal> whole = new HashMap<>();
        for (ScopeStates.Entry entry : entries) {
            Aggregation.Figures figures = Aggregation.figures(indicator, entry.counted());
            tree.unit(entry.unitId()).ifPresent(unit -> units.add(new IndicatorFigures.UnitFigures(info(unit), figures.numerator(),
                    figures.denominator(), figures.value())));
            if (entry.holder()) {
                entry.counted().forEach((code, value) -> whole.merge(code, value, BigDecimal::add));
            }
        }
        Aggregation.Figures all = Aggregation.figures(indicator, whole);
        List<DataElement> elements = codes.stream().map(catalogued::get).toList();
        boolean flow = indicator.denominator() == null && !elements.isEmpty()
                && elements.stream().allMatch(e -> e.aggregation() == AggregationType.SUM);
        return new ScopeFigures(indicator, period, info(root), units,
                new IndicatorFigures.UnitFigures(info(root), all.numerator(), all.denominator(), all.value()), flow);
    }

    /** The subtree's sums of these elements; an element no unit has a value for is absent. */
    private static Map<String, BigDecimal> totals(FigureCell cell, Collection<String> codes) {
        Map<String, BigDecimal> totals = new HashMap<>();
        if (cell != null) {
            codes.stream().filter(c -> cell.valued.getOrDefault(c, 0) > 0).forEach(c -> totals.put(c, cell.sum.get(c)));
        }
        return totals;
    }

    private static int reporting(Map<String, Integer> counts, String code) {
        return counts == null ? 0 : counts.getOrDefault(code, 0);
    }

    private static ReportingPeriod period(String periodText) {
        return ReportingPeriod.parse(periodText).orElseThrow(() -> new AggregateProblems.BadPeriod(periodText));
    }

    private Scope scope(String unitId, String periodText) {
        ReportingPeriod period = period(periodText);
        UnitTree tree = trees.tree(period);
        UnitNode root = tree.unit(unitId).orElseThrow(() -> new NotFound("unit", unitId));
        List<String> ids = new ArrayList<>(List.of(unitId));
        tree.children(unitId).forEach(child -> ids.add(child.unitId()));
        return new Scope(period, tree, root, cells.find(ids, period, FigureCells.Part.FIGURES));
    }

    private static IndicatorFigures.UnitInfo info(UnitNode unit) {
        return new IndicatorFigures.UnitInfo(unit.unitId(), unit.code(), unit.name(), unit.level(), unit.kind());
    }

    /** The indicator's figures over a scope; {@code flow}: a count that grows through the period. */
    record ScopeFigures(Indicator indicator, ReportingPeriod period, IndicatorFigures.UnitInfo root,
            List<IndicatorFigures.UnitFigures> units, IndicatorFigures.UnitFigures whole, boolean flow) {
    }

    /** The unit and its children's cells in the period, by unit id. */
    private record Scope(ReportingPeriod period, UnitTree tree, UnitNode root, Map<String, FigureCell> cells) {
    }
}
