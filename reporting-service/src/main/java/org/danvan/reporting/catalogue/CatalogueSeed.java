package org.danvan.reporting.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the catalogue of {@code catalogue/*.json} into the store at startup. Each entry replaces the stored
 * one with the same code, so running it again (or on several instances) changes nothing. It runs before
 * the service reports itself ready for traffic.
 */
@Component
@Order(0)
class CatalogueSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);
    static final String ELEMENTS = "catalogue/data-elements.json";
    static final String INDICATORS = "catalogue/indicators.json";

    private final DataElementRepository elements;
    private final IndicatorRepository indicators;

    CatalogueSeed(DataElementRepository elements, IndicatorRepository indicators) {
        this.elements = elements;
        this.indicators = indicators;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DataElementDocument> seededElements = read(ELEMENTS, new TypeReference<>() { });
        List<IndicatorDocument> seededIndicators = read(INDICATORS, new TypeReference<>() { });
        requireConsistent(seededElements, seededIndicators);
        elements.saveAll(seededElements);
        indicators.saveAll(seededIndicators);
        log.info("catalogue seeded: {} data elements, {} indicators", seededElements.size(), seededIndicators.size());
    }

    /** Fails startup on a seed file that names an element it does not define: a typo would skew every figure. */
    static void requireConsistent(List<DataElementDocument> elements, List<IndicatorDocument> indicators) {
        Set<String> codes = elements.stream().map(DataElementDocument::code).collect(Collectors.toSet());
        if (codes.size() != elements.size()) {
            throw new IllegalStateException("duplicate data-element codes in " + ELEMENTS);
        }
        for (IndicatorDocument document : indicators) {
            Indicator indicator = document.indicator();
            Stream.concat(indicator.numerator().codes().stream(),
                            indicator.denominator() == null ? Stream.empty() : indicator.denominator().codes().stream())
                    .filter(code -> !codes.contains(code)).findFirst().ifPresent(code -> {
                        throw new IllegalStateException("indicator " + indicator.code() + " names unknown data element " + code);
                    });
            if (indicator.factor() != 1 && indicator.factor() != 100) {
                throw new IllegalStateException("indicator " + indicator.code() + " has factor " + indicator.factor());
            }
        }
    }

    static <T> List<T> read(String resource, TypeReference<List<T>> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
