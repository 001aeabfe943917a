package org.danvan.web.directives;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.BusinessDay;
import org.danvan.web.api.Problems;
import org.danvan.web.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drafting a directive with its tasks and targets. Adding or removing a row is a submit that renders the same
 * form again with everything typed (it works without JavaScript); saving sends it as a draft, issuing (reviewers)
 * issues it at once. directive-service's field errors land beside their fields.
 */
@Controller
@RequestMapping("/directives/new")
class DraftController {

    private final Clock clock;

    static final List<String> KINDS = List.of("RESOLUTION", "DIRECTIVE", "CONCLUSION", "DECISION", "REGULATION",
            "OFFICIAL_DISPATCH", "PLAN", "ACTION_PROGRAMME", "SCHEME", "GUIDANCE");
    static final List<String> LEVELS = List.of("PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE");
    static final List<String> COMPARATORS = List.of("GTE", "GT", "EQ", "LTE", "LT");
    static final List<String> CADENCES = List.of("QUARTERLY", "SEMIANNUAL", "ANNUAL");

    private final DirectivesApi api;

    DraftController(DirectivesApi api, Clock clock) {
        this.clock = clock;
        this.api = api;
    }

    @GetMapping
    String blank(@ModelAttribute("draft") DirectiveForm draft, Authentication user, Model model) {
        draft.setIssuerUnitId(Staff.of(user).unitId());
        draft.setIssuedOn(BusinessDay.today(clock).format(BusinessDay.DATE));
        draft.getTasks().add(new DirectiveForm.TaskRow());
        draft.getTargets().add(new DirectiveForm.TargetRow());
        return form(user, model);
    }

    @PostMapping(params = "addTask")
    String addTask(@ModelAttribute("draft") DirectiveForm draft, Authentication user, Model model) {
        draft.getTasks().add(new DirectiveForm.TaskRow());
        return form(user, model);
    }

    @PostMapping(params = "addTarget")
    String addTarget(@ModelAttribute("draft") DirectiveForm draft, Authentication user, Model model) {
        draft.getTargets().add(new DirectiveForm.TargetRow());
        return form(user, model);
    }

    @PostMapping(params = "removeTask")
    String removeTask(@ModelAttribute("draft") DirectiveForm draft, @RequestParam int removeTask, Authentication user, Model model) {
        if (removeTask >= 0 && removeTask < draft.getTasks().size()) {
            draft.getTasks().remove(removeTask);
        }
        return form(user, model);
    }

    @PostMapping(params = "removeTarget")
    String removeTarget(@ModelAttribute("draft") DirectiveForm draft, @RequestParam int removeTarget, Authentication user,
            Model model) {
        if (removeTarget >= 0 && removeTarget < draft.getTargets().size()) {
            draft.getTargets().remove(removeTarget);
        }
        return form(user, model);
    }

    /** {@code action=issue} issues at once (directive-service lets reviewers and operators), anything else saves a draft. */
    @PostMapping
    String save(@ModelAttribute("draft") DirectiveForm draft, BindingResult binding, @RequestParam(defaultValue = "draft") String action,
            Authentication user, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = draft.body(!"issue".equals(action), binding);
        if (body == null) {
            return form(user, model);
        }
        try {
            DirectiveViews.Directive created = api.create(body);
            redirect.addFlashAttribute("done", "issue".equals(action) ? "issued" : "drafted");
            return "redirect:/directives/" + created.id();
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            return form(user, model);
        }
    }

    private String form(Authentication user, Model model) {
        model.addAttribute("mayIssue", Staff.of(user).hasAny(DirectiveController.DECIDERS));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("comparators", COMPARATORS);
        model.addAttribute("cadences", CADENCES);
        model.addAttribute("indicators", api.indicators());
        return "directives/draft";
    }
}
