package org.danvan.reporting.aggregates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.function.Predicate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.Indicator;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportForms;
import org.danvan.reporting.forms.ReportingPeriod;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Live aggregates, computed on request from the materialised unit tree and the latest accepted revision of
 * every report below the unit: the tree is taken as it was during the period asked about.
 */
@Service
class Aggregates {

    /** The form code of the readings event sources add: never a form, so completeness never counts them. */
    static final String EVENT_FIGURES = "EVENTS";

    private final Catalogue catalogue;
    private final ReportForms forms;
    private final AggregateStore store;
    private final UnitTrees trees;
    private final AggregatesProperties properties;
    private final List<FigureSource> sources;

    Aggregates(Catalogue catalogue, ReportForms forms, AggregateStore store, UnitTrees trees, AggregatesProperties properties,
            ObjectProvider<FigureSource> sources) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.store = store;
        this.trees = trees;
        this.properties = properties;
        this.sources = sources.orderedStream().toList();
    }

    IndicatorValuesView indicator(String code, String unitId, String periodText) {
        Indicator indicator = catalogue.indicator(code).orElseThrow(() -> new NotFound("indicator", code));
        List<String> codes = Stream.concat(indicator.numerator().codes().stream(),
                indicator.denominator() == null ? Stream.<String>empty() : indicator.denominator().codes().stream())
                .distinct().toList();
        Map<String, DataElement> catalogued = catalogue.elementsByCode();
        List<DataElement> elements = codes.stream().map(catalogued::get).filter(Objects::nonNull).toList();
        Scope scope = scope(unitId, periodText, levelsCollecting(codes));

        Aggregation.Figures total = Aggregation.figures(indicator, Aggregation.totals(elements, scope.subtree(), scope.reports()));
        List<IndicatorValuesView.Row> rows = scope.tree().children(unitId).stream().map(child -> {
            List<UnitNode> below = scope.tree().subtree(child.unitId());
            List<UnitNode> expected = Aggregation.expectedUnits(scope.tree(), below, scope.levels());
            Aggregation.Figures figures = Aggregation.figures(indicator, Aggregation.totals(elements, below, scope.reports()));
            return new IndicatorValuesView.Row(child.unitId(), child.code(), child.name(), child.level(), figures.numerator(),
                    figures.denominator(), figures.value(), Aggregation.reportingUnits(expected, elements, scope.reports()),
                    expected.size());
        }).toList();
        List<UnitNode> expected = Aggregation.expectedUnits(scope.tree(), scope.subtree(), scope.levels());
        return new IndicatorValuesView(indicator.code(), indicator.name().vi(), unitId, scope.root().name(),
                scope.period().toString(), total.numerator(), total.denominator(), indicator.factor(), total.value(),
                Aggregation.reportingUnits(expected, elements, scope.reports()), expected.size(), rows);
    }

    ElementValuesView element(String code, String unitId, String periodText) {
        DataElement element = catalogue.element(code).orElseThrow(() -> new NotFound("data-element", code));
        List<DataElement> elements = List.of(element);
        Scope scope = scope(unitId, periodText, levelsCollecting(List.of(code)));
        List<ElementValuesView.Row> rows = scope.tree().children(unitId).stream().map(child -> {
            List<UnitNode> below = scope.tree().subtree(child.unitId());
            List<UnitNode> expected = Aggregation.expectedUnits(scope.tree(), below, scope.levels());
            return new ElementValuesView.Row(child.unitId(), child.code(), child.name(), child.level(),
                    Aggregation.totals(elements, below, scope.reports()).get(code),
                    Aggregation.reportingUnits(expected, elements, scope.reports()), expected.size());
        }).toList();
        List<UnitNode> expected = Aggregation.expectedUnits(scope.tree(), scope.subtree(), scope.levels());
        return new ElementValuesView(code, element.aggregation(), unitId, scope.root().name(), scope.period().toString(),
                Aggregation.totals(elements, scope.subtree(), scope.reports()).get(code),
                Aggregation.reportingUnits(expected, elements, scope.reports()), expected.size(), rows);
    }

    CompletenessView completeness(String formCode, String unitId, String periodText) {
        ReportForm form = forms.find(formCode).orElseThrow(() -> new NotFound("report-form", formCode));
        Scope scope = scope(unitId, periodText, properties.levelsOf(form.code()));
        List<UnitNode> expected = Aggregation.expectedUnits(scope.tree(), scope.subtree(), scope.levels());
        return Completeness.of(form.code(), form.periodType(), unitId, scope.period(), expected, scope.reports());
    }

    /** The levels that owe a form collecting any of these elements. */
    private Set<String> levelsCollecting(Collection<String> codes) {
        Set<String> levels = new LinkedHashSet<>();
        forms.all().stream()
                .filter(form -> form.elements().stream().anyMatch(e -> codes.contains(e.code())))
                .forEach(form -> levels.addAll(properties.levelsOf(form.code())));
        return levels;
    }

    private Scope scope(String unitId, String periodText, Collection<String> levels) {
        ReportingPeriod period = ReportingPeriod.parse(periodText).orElseThrow(() -> new AggregateProblems.BadPeriod(periodText));
        UnitTree tree = trees.tree(period);
        UnitNode root = tree.unit(unitId).orElseThrow(() -> new NotFound("unit", unitId));
        List<UnitNode> subtree = tree.subtree(unitId);
        Set<String> ids = new java.util.LinkedHashSet<>(subtree.size() * 2);
        subtree.forEach(unit -> ids.add(unit.unitId()));
        Map<String, List<AcceptedValues>> reports = withEventFigures(store.reports(ids, period), ids, period);
        return new Scope(period, tree, root, subtree, Set.copyOf(levels), reports);
    }

    /**
     * The units' accepted reports with what the event sources know added as one more reading per unit for
     * the whole period; an element a source gives for a unit is taken out of that unit's reports, so it is
     * never counted twice.
     */
    Map<String, List<AcceptedValues>> withEventFigures(Map<String, List<AcceptedValues>> reports, Collection<String> unitIds,
            ReportingPeriod period) {
        if (sources.isEmpty()) {
            return reports;
        }
        Map<String, Map<String, BigDecimal>> derived = new HashMap<>();
        for (FigureSource source : sources) {
            source.figures(unitIds, period.start(), period.end())
                    .forEach((unit, values) -> derived.computeIfAbsent(unit, u -> new HashMap<>()).putAll(values));
        }
        if (derived.isEmpty()) {
            return reports;
        }
        Map<String, List<AcceptedValues>> merged = new HashMap<>(reports);
        derived.forEach((unitId, values) -> {
            List<AcceptedValues> readings = new ArrayList<>();
            for (AcceptedValues report : reports.getOrDefault(unitId, List.of())) {
                Map<String, BigDecimal> numbers = new HashMap<>(report.numbers());
                numbers.keySet().removeAll(values.keySet());
                readings.add(new AcceptedValues(report.reportId(), report.revision(), report.formCode(), report.unitId(),
                        report.period(), numbers, report.answers(), report.late(), report.acceptedOn()));
            }
            readings.add(new AcceptedValues("events/" + unitId + "/" + period, 0, EVENT_FIGURES, unitId, period, values,
                    Map.of(), false, null));
            merged.put(unitId, List.copyOf(readings));
        });
        return merged;
    }

    /**
     * An indicator for each unit of {@code rootUnitId}'s subtree that {@code inScope} accepts, and for all of
     * them together as a ratio of sums. Each unit counts the figures it reports itself, or, for an indicator
     * that {@link Indicator#rollsUp() rolls up}, those of its whole subtree.
     */
    ScopeFigures scopeFigures(String indicatorCode, String rootUnitId, String periodText,
            Predicate<IndicatorFigures.UnitInfo> inScope) {
        Indicator indicator = catalogue.indicator(indicatorCode).orElseThrow(() -> new NotFound("indicator", indicatorCode));
        List<String> codes = Stream.concat(indicator.numerator().codes().stream(),
                indicator.denominator() == null ? Stream.<String>empty() : indicator.denominator().codes().stream())
                .distinct().toList();
        Map<String, DataElement> catalogued = catalogue.elementsByCode();
        List<DataElement> elements = codes.stream().map(catalogued::get).filter(Objects::nonNull).toList();
        Scope scope = scope(rootUnitId, periodText, levelsCollecting(codes));
        List<IndicatorFigures.UnitFigures> units = new ArrayList<>();
        Set<UnitNode> union = new LinkedHashSet<>();
        for (UnitNode unit : scope.subtree()) {
            IndicatorFigures.UnitInfo info = info(unit);
            if (!inScope.test(info)) {
                continue;
            }
            List<UnitNode> counted = indicator.rollsUp() ? scope.tree().subtree(unit.unitId()) : List.of(unit);
            union.addAll(counted);
            Aggregation.Figures figures = Aggregation.figures(indicator, Aggregation.totals(elements, counted, scope.reports()));
            units.add(new IndicatorFigures.UnitFigures(info, figures.numerator(), figures.denominator(), figures.value()));
        }
        Aggregation.Figures whole = Aggregation.figures(indicator, Aggregation.totals(elements, union, scope.reports()));
        boolean flow = indicator.denominator() == null && !elements.isEmpty()
                && elements.stream().allMatch(e -> e.aggregation() == org.danvan.reporting.catalogue.AggregationType.SUM);
        return new ScopeFigures(indicator, scope.period(), info(scope.root()), units,
                new IndicatorFigures.UnitFigures(info(scope.root()), whole.numerator(), whole.denominator(), whole.value()), flow);
    }

    private static IndicatorFigures.UnitInfo info(UnitNode unit) {
        return new IndicatorFigures.UnitInfo(unit.unitId(), unit.code(), unit.name(), unit.level(), unit.kind());
    }

    /** The indicator's figures over a scope; {@code flow}: a count that grows through the period. */
    record ScopeFigures(Indicator indicator, ReportingPeriod period, IndicatorFigures.UnitInfo root,
            List<IndicatorFigures.UnitFigures> units, IndicatorFigures.UnitFigures whole, boolean flow) {
    }

    private record Scope(ReportingPeriod period, UnitTree tree, UnitNode root, List<UnitNode> subtree,
            Set<String> levels, Map<String, List<AcceptedValues>> reports) {
    }
}
