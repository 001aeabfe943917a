package org.danvan.reporting.aggregates;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * element and indicator the levels whose units are expected to report it. A change to the catalogue or the
 * forms shows within a second.
 */
@Component
class FigureKeys {

    private final Catalogue catalogue;
    private final ReportForms forms;
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final AggregatesProperties properties;
    private Keys cached;
    private long cachedAt;

    FigureKeys(Catalogue catalogue, ReportForms forms, AggregatesProperties properties) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.properties = properties;
    }

    /**
     * The catalogue and the forms as they were at most {@link #FRESH} ago: every read needs them, and reading
     * them from the store on each one would cost more than the figures themselves.
     */
    synchronized Keys keys() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt > FRESH.toNanos()) {
            cached = load();
            cachedAt = now;
        }
        return cached;
    }

    private Keys load() {
        List<ReportForm> all = forms.all();
        Map<String, DataElement> elements = catalogue.elementsByCode();
        List<Key> elementKeys = elements.keySet().stream().map(code -> new Key(code, List.of(code), levels(all, List.of(code))))
                .toList();
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        catalogue.indicators().forEach(i -> indicators.put(i.code(), i));
        List<Key> indicatorKeys = indicators.values().stream()
                .map(i -> new Key(i.code(), codes(i, elements), levels(all, rawCodes(i)))).toList();
        Map<String, ReportForm> formsByCode = new LinkedHashMap<>();
        all.forEach(f -> formsByCode.put(f.code(), f));
        List<Key> formKeys = all.stream().map(f -> new Key(f.code(), List.of(), Set.copyOf(properties.levelsOf(f.code())))).toList();
        return new Keys(elements, indicators, formsByCode, elementKeys, indicatorKeys, formKeys);
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

    /**
     * A count of reporting units: the expected units with a value for any of {@code codes}; for a form (no codes),
     * the units that owe it.
     */
    record Key(String code, List<String> codes, Set<String> levels) {

        boolean expects(UnitNode unit, UnitTree tree) {
            return levels.isEmpty() ? tree.children(unit.unitId()).isEmpty() : levels.contains(unit.level());
        }
    }

    record Keys(Map<String, DataElement> elements, Map<String, Indicator> indicators, Map<String, ReportForm> forms,
            List<Key> elementKeys, List<Key> indicatorKeys, List<Key> formKeys) {

        Key element(String code) {
            return elementKeys.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
        }

        Key indicator(String code) {
            return indicatorKeys.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
        }

        Key form(String code) {
            return formKeys.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
        }
    }
}
