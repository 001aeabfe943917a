package org.danvan.reporting.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.danvan.reporting.catalogue.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FormSeedTest {

    private static Set<String> catalogued() throws IOException {
        try (InputStream in = new ClassPathResource("catalogue/data-elements.json").getInputStream()) {
            JsonNode elements = JsonMapper.builder().build().readTree(in);
            return elements.valueStream().map(e -> e.path("code").asString()).collect(Collectors.toSet());
        }
    }

    @Test
    void everyFormCollectsCataloguedElementsAndItsRulesOnlyNameThem() throws IOException {
        List<ReportFormDocument> forms = FormSeed.read();
        FormSeed.requireConsistent(forms, catalogued());
        assertThat(forms).extracting(ReportFormDocument::periodType)
                .contains(PeriodType.QUARTERLY, PeriodType.SEMIANNUAL, PeriodType.ANNUAL);
    }

    @Test
    void theSemiannualFormChainsModelWithinExemplaryWithinAllAreas() {
        ReportForm form = FormSeed.read().stream().filter(f -> f.code().equals("DV-6T")).findFirst().orElseThrow().form();
        assertThat(form.rules()).extracting(ValidationRule::expression).contains("MODEL_AREAS <= EXEMPLARY_AREAS",
                "EXEMPLARY_AREAS <= RESIDENTIAL_AREAS", "MEMBERS_ENROLLED <= RESIDENTS");
    }

    @Test
    void theAnnualFormAsksAUnitsRatingOnceAsTheCountsTheRatingIndicatorUses() {
        ReportForm form = FormSeed.read().stream().filter(f -> f.code().equals("DV-NAM")).findFirst().orElseThrow().form();
        assertThat(form.elements()).extracting(ReportForm.Element::code)
                .contains("UNITS_RATED_EXCELLENT", "UNITS_RATED_GOOD", "UNITS_RATED_COMPLETED", "UNITS_RATED_NOT_COMPLETED")
                .doesNotContain("RATED_GOOD_OR_BETTER");
    }

    @Test
    void refusesARuleOverAnElementItsFormDoesNotCollect() throws IOException {
        ReportFormDocument broken = new ReportFormDocument("X", new LocalizedText("x", "x"), PeriodType.ANNUAL,
                List.of(new ReportForm.Element("RESIDENTS", true)),
                List.of(new ReportFormDocument.Rule("R", new LocalizedText("r", "r"), "MEMBERS_ENROLLED", Comparison.LE, "RESIDENTS")));
        assertThatThrownBy(() -> FormSeed.requireConsistent(List.of(broken), catalogued())).hasMessageContaining("MEMBERS_ENROLLED");
    }
}
