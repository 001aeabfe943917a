package org.danvan.reporting.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.danvan.reporting.catalogue.Catalogue;
import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.reporting.catalogue.ValueType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The report forms, read-only, in the caller's language. */
@RestController
@RequestMapping("/api/v1/report-forms")
class ReportFormController {

    private final ReportForms forms;
    private final Catalogue catalogue;

    ReportFormController(ReportForms forms, Catalogue catalogue) {
        this.forms = forms;
        this.catalogue = catalogue;
    }

    record ElementView(String code, String name, ValueType valueType, boolean required) {
    }

    record RuleView(String code, String name, String expression) {
    }

    record FormView(String code, String name, PeriodType periodType, List<ElementView> elements, List<RuleView> rules) {
    }

    @GetMapping
    List<FormView> all(Locale locale) {
        Map<String, DataElement> elements = catalogue.elementsByCode();
        return forms.all().stream().map(form -> view(form, elements, locale)).toList();
    }

    @GetMapping("/{code}")
    FormView one(@PathVariable String code, Locale locale) {
        ReportForm form = forms.find(code).orElseThrow(() -> new NotFound("report-form", code));
        return view(form, catalogue.elementsByCode(), locale);
    }

    private static FormView view(ReportForm form, Map<String, DataElement> elements, Locale locale) {
        return new FormView(form.code(), form.name().in(locale), form.periodType(),
                form.elements().stream().map(e -> {
                    DataElement element = elements.get(e.code());
                    return new ElementView(e.code(), element == null ? e.code() : element.name().in(locale),
                            element == null ? null : element.valueType(), e.required());
                }).toList(),
                form.rules().stream().map(r -> new RuleView(r.code(), r.name().in(locale), r.expression())).toList());
    }
}
