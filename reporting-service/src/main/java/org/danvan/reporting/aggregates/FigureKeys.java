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
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportForms;
import org.springframework.stereotype.Component;

/**
 * What the running totals count, as the catalogue and the forms say now: every data element, and for every
 * element and indicator the levels whose units are expected to report it.
 */
@Component
class FigureKeys {

    private final Catalogue catalogue;
    private final ReportForms forms;
    private final AggregatesProperties properties;

    FigureKeys(Catalogue catalogue, ReportForms forms, AggregatesProperties properties) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.properties = properties;
    }

    Keys keys() {
        List<ReportForm> all = forms.all();
        Map<String, DataElement> elements = catalogue.elementsByCode();
        List<Key> elementKeys = elements.keySet().stream().map(code -> new Key(code, List.of(code), levels(all, List.of(code))))
                .toList();
        List<Key> indicatorKeys = catalogue.indicators().stream()
                .map(i -> new Key(i.code(), codes(i, elements), levels(all, rawCodes(i)))).toList();
        return new Keys(elements, elementKeys, indicatorKeys);
    }

    /** The levels that owe a form collecting any of these elements. */
    Set<String> levelsCollecting(Collection<String> codes) {
        return levels(forms.all(), codes);
    }

    /** The elements of an indicator's numerator and denominator. */
    static List<String> rawCodes(Indicator indicator) {
        return Stream.concat(indicator.numerator().codes().stream(),
                indicator.denominator() == null ? Stream.<String>empty() : indicator.denominator().codes().stream())
                .distinct().toList();
    }

    /** The catalogued elements of an indicator's numerator and denominator. */
    static List<String> codes(Indicator indicator, Map<String, DataElement> elements) {
        return rawCodes(indicator).stream().filter(code -> elements.get(code) != null).toList();
    }

    private Set<String> levels(List<ReportForm> all, Collection<String> codes) {
        Set<String> levels = new LinkedHashSet<>();
        all.stream().filter(form -> form.elements().stream().anyMatch(e -> codes.contains(e.code())))
                .forEach(form -> levels.addAll(properties.levelsOf(form.code())));
        return levels;
    }

    /** A count of reporting units: the expected units with a value for any of {@code codes}. */
    record Key(String code, List<String> codes, Set<String> levels) {

        boolean expects(UnitNode unit, UnitTree tree) {
            return levels.isEmpty() ? tree.children(unit.unitId()).isEmpty() : levels.contains(unit.level());
        }
    }

    record Keys(Map<String, DataElement> elements, List<Key> elementKeys, List<Key> indicatorKeys) {

        Keys {
            Objects.requireNonNull(elements);
        }
    }
}
