package org.danvan.reporting.aggregates;

import java.util.Collection;
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
import org.springframework.stereotype.Service;

/**
 * Live aggregates, computed on request from the materialised unit tree and the latest accepted revision of
 * every report below the unit: the tree is taken as it was during the period asked about.
 */
@Service
class Aggregates {

    private final Catalogue catalogue;
    private final ReportForms forms;
    private final AggregateStore store;
    private final AggregatesProperties properties;

    Aggregates(Catalogue catalogue, ReportForms forms, AggregateStore store, AggregatesProperties properties) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.store = store;
        this.properties = properties;
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
        UnitTree tree = new UnitTree(store.units(), period);
        UnitNode root = tree.unit(unitId).orElseThrow(() -> new NotFound("unit", unitId));
        List<UnitNode> subtree = tree.subtree(unitId);
        Map<String, List<AcceptedValues>> reports = store.reports(subtree.stream().map(UnitNode::unitId).toList(), period);
        return new Scope(period, tree, root, subtree, Set.copyOf(levels), reports);
    }

    private record Scope(ReportingPeriod period, UnitTree tree, UnitNode root, List<UnitNode> subtree,
            Set<String> levels, Map<String, List<AcceptedValues>> reports) {
    }
}
