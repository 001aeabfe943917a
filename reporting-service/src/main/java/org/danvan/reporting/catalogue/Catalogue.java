package org.danvan.reporting.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** The data elements units report and the indicators computed from them, as stored. */
@Service
public class Catalogue {

    private final DataElementRepository elements;
    private final IndicatorRepository indicators;

    Catalogue(DataElementRepository elements, IndicatorRepository indicators) {
        this.elements = elements;
        this.indicators = indicators;
    }

    public List<DataElement> elements() {
        return elements.findAll(Sort.by("_id")).stream().map(DataElementDocument::element).toList();
    }

    public Map<String, DataElement> elementsByCode() {
        return elements().stream().collect(Collectors.toMap(DataElement::code, Function.identity()));
    }

    public Optional<DataElement> element(String code) {
        return elements.findById(code).map(DataElementDocument::element);
    }

    public List<Indicator> indicators() {
        return indicators.findAll(Sort.by("_id")).stream().map(IndicatorDocument::indicator).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.findById(code).map(IndicatorDocument::indicator);
    }
}
