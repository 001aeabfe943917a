package org.danvan.web.cases;

import java.util.Set;
import java.util.stream.Collectors;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Vụ việc": the queue by deadline and a case's page with the steps the API allows now. */
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
        return page(cases.get(id), user, model);
    }

    @PostMapping("/{id}/{action}")
    String step(@PathVariable String id, @PathVariable String action, @ModelAttribute("step") StepForm step,
            BindingResult binding, Authentication user, Model model, RedirectAttributes redirect) {
        if (!StepForm.ACTIONS.contains(action)) {
            return "redirect:/cases/" + id;
        }
        try {
            cases.step(id, action, step);
            redirect.addFlashAttribute("done", action);
            return "redirect:/cases/" + id;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            model.addAttribute("failedAction", action);
            return page(cases.get(id), user, model);
        }
    }

    private static String page(CaseViews.StaffCase shown, Authentication user, Model model) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).collect(Collectors.toSet());
        model.addAttribute("case", shown);
        model.addAttribute("actions", shown.actionsFor(roles));
        model.addAttribute("refusalReasons", StepForm.REFUSAL_REASONS);
        return "cases/case";
    }
}
