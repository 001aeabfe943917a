package org.danvan.reporting.catalogue;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue, read-only: names in Vietnamese, or English with {@code Accept-Language: en}. */
@RestController
@RequestMapping("/api/v1")
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    record DataElementView(String code, String name, ValueType valueType, AggregationType aggregation) {

        static DataElementView of(DataElement element, Locale locale) {
            return new DataElementView(element.code(), element.name().in(locale), element.valueType(), element.aggregation());
        }
    }

    /** {@code rollsUp}: a target judges each unit on its whole subtree's figures rather than on its own. */
    record IndicatorView(String code, String name, String numerator, String denominator, int factor, boolean rollsUp,
            String description) {

        static IndicatorView of(Indicator indicator, Locale locale) {
            return new IndicatorView(indicator.code(), indicator.name().in(locale), indicator.numerator().toString(),
                    indicator.denominator() == null ? null : indicator.denominator().toString(), indicator.factor(),
                    indicator.rollsUp(), indicator.description() == null ? null : indicator.description().in(locale));
        }
    }

    @GetMapping("/data-elements")
    List<DataElementView> elements(Locale locale) {
        return catalogue.elements().stream().map(e -> DataElementView.of(e, locale)).toList();
    }

    @GetMapping("/data-elements/{code}")
    DataElementView element(@PathVariable String code, Locale locale) {
        return DataElementView.of(catalogue.element(code).orElseThrow(() -> new NotFound("data-element", code)), locale);
    }

    @GetMapping("/indicators")
    List<IndicatorView> indicators(Locale locale) {
        return catalogue.indicators().stream().map(i -> IndicatorView.of(i, locale)).toList();
    }

    @GetMapping("/indicators/{code}")
    IndicatorView indicator(@PathVariable String code, Locale locale) {
        return IndicatorView.of(catalogue.indicator(code).orElseThrow(() -> new NotFound("indicator", code)), locale);
    }
}
