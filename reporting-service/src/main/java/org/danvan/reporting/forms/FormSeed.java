package org.danvan.reporting.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.reporting.catalogue.SumExpression;
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
 * Writes the forms of {@code forms/report-forms.json} into the store at startup, after the catalogue; each
 * replaces the stored form with its code, so running it again changes nothing.
 */
@Component
@Order(1)
class FormSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormSeed.class);
    static final String FORMS = "forms/report-forms.json";

    private final ReportFormRepository repository;
    private final Catalogue catalogue;

    FormSeed(ReportFormRepository repository, Catalogue catalogue) {
        this.repository = repository;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ReportFormDocument> forms = read();
        requireConsistent(forms, catalogue.elementsByCode().keySet());
        repository.saveAll(forms);
        log.info("report forms seeded: {}", forms.size());
    }

    /** Every element a form collects is in the catalogue, and every rule only names elements of its form. */
    static void requireConsistent(List<ReportFormDocument> forms, Set<String> catalogued) {
        for (ReportFormDocument document : forms) {
            ReportForm form = document.form();
            Set<String> collected = new HashSet<>();
            for (ReportForm.Element element : form.elements()) {
                if (!catalogued.contains(element.code()) || !collected.add(element.code())) {
                    throw new IllegalStateException("form " + form.code() + ": unknown or repeated element " + element.code());
                }
            }
            for (ValidationRule rule : form.rules()) {
                for (SumExpression side : List.of(rule.left(), rule.right())) {
                    side.codes().stream().filter(code -> !collected.contains(code)).findFirst().ifPresent(code -> {
                        throw new IllegalStateException("form " + form.code() + " rule " + rule.code() + " names " + code
                                + ", which the form does not collect");
                    });
                }
            }
        }
    }

    static List<ReportFormDocument> read() {
        try (InputStream in = new ClassPathResource(FORMS).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FORMS, e);
        }
    }
}
