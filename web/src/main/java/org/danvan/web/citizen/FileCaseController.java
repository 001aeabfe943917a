package org.danvan.web.citizen;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Filing a case without an account. The area is found by its place name (diacritics ignored): the search
 * re-renders the same form with the places found as choices (nothing typed is lost, and it works before any
 * script loads; htmx swaps only the choices); the receipt with the secret is shown once and never cached.
 */
@Controller
@RequestMapping("/citizen/file")
class FileCaseController {

    private final CitizenCases cases;

    FileCaseController(CitizenCases cases) {
        this.cases = cases;
    }

    @ModelAttribute("kinds")
    List<String> kinds() {
        return CaseApi.FILING_KINDS;
    }

    @GetMapping
    String form(@ModelAttribute("form") FileCaseForm form) {
        return "citizen/file";
    }

    @PostMapping(params = "search")
    String search(@ModelAttribute("form") FileCaseForm form, Model model) {
        form.setAreaUnitId(null);
        showPlaces(form, model);
        return "citizen/file";
    }

    @PostMapping
    String file(@ModelAttribute("form") FileCaseForm form, BindingResult binding, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("filed", cases.file(form));
            model.addAttribute("denunciation", "DENUNCIATION".equals(form.getKind()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return "citizen/receipt";
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            // the places found before are found again, the one chosen still checked
            showPlaces(form, model);
            return "citizen/file";
        }
    }

    private void showPlaces(FileCaseForm form, Model model) {
        if (form.getUnitQuery() == null || form.getUnitQuery().isBlank()) {
            return;
        }
        try {
            model.addAttribute("places", cases.places(form.getUnitQuery().trim()));
        } catch (ApiProblemException e) {
            model.addAttribute("placeSearchUnavailable", true);
        }
    }
}
