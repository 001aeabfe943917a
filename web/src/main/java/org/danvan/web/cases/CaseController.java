package org.danvan.web.cases;

import java.util.Set;
import java.util.stream.Collectors;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * "Vụ việc": the queue by deadline and a case's page with the steps the API allows now, its roadmap, notes,
 * possible duplicates and, for those who may, the citizens' identity opened with a stated purpose.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

    private final StaffCases cases;

    CaseController(StaffCases cases) {
        this.cases = cases;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("cases", cases.queue(null));
        return "cases/queue";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @ModelAttribute("step") StepForm step, Authentication user, Model model) {
        return page(id, step, user, model);
    }

    /** The explanation's roadmap gets one more row, keeping everything typed. */
    @PostMapping(path = "/{id}/explain", params = "addRow")
    String addRoadmapRow(@PathVariable String id, @ModelAttribute("step") StepForm step, Authentication user, Model model) {
        step.addRoadmapRow();
        model.addAttribute("failedAction", "explain");
        return page(id, step, user, model);
    }

    @PostMapping("/{id}/{action}")
    String step(@PathVariable String id, @PathVariable String action, @ModelAttribute("step") StepForm step,
            BindingResult binding, Authentication user, Model model, RedirectAttributes redirect) {
        if (!StepForm.ACTIONS.contains(action)) {
            return "redirect:/cases/" + id;
        }
        if (action.equals("explain")) {
            step.dropSpareRoadmapRows();
        }
        try {
            cases.step(id, action, step);
            redirect.addFlashAttribute("done", action);
            return "redirect:/cases/" + id;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            model.addAttribute("failedAction", action);
            return page(id, step, user, model);
        }
    }

    /**
     * The identity page: a POST, so the purpose is never in a URL or a browser's history, and never cached; the
     * API refuses whom it must (shown on the case page) and logs every opening with its purpose.
     */
    @PostMapping("/{id}/identity")
    String identity(@PathVariable String id, @RequestParam(defaultValue = "") String purpose, Authentication user, Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("identities", cases.identity(id, purpose.trim()));
        } catch (ApiProblemException e) {
            model.addAttribute("identityProblem", e.problem());
            model.addAttribute("purpose", purpose);
            return page(id, new StepForm(), user, model);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("case", cases.get(id));
        model.addAttribute("purpose", purpose.trim());
        return "cases/identity";
    }

    private String page(String id, StepForm step, Authentication user, Model model) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).collect(Collectors.toSet());
        CaseViews.StaffCase shown = cases.get(id);
        step.offerRoadmapRow();
        model.addAttribute("case", shown);
        model.addAttribute("actions", shown.actionsFor(roles));
        model.addAttribute("identityOffered", shown.identityOfferedTo(roles));
        model.addAttribute("duplicates", shown.open() ? cases.duplicates(id) : java.util.List.of());
        model.addAttribute("refusalReasons", StepForm.REFUSAL_REASONS);
        model.addAttribute("roadmapStatuses", StepForm.ROADMAP_STATUSES);
        return "cases/case";
    }
}
