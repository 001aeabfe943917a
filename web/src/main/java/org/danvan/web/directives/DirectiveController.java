package org.danvan.web.directives;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.BusinessDay;
import org.danvan.web.api.Problems;
import org.danvan.web.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Văn bản chỉ đạo": search (words without diacritics), read one with its versions, acknowledge it for one's unit,
 * issue a draft, and the compliance view. Only the steps directive-service allows the user are offered; it still
 * checks every call, and its refusal shows in place.
 */
@Controller
@RequestMapping("/directives")
class DirectiveController {

    private final Clock clock;

    /** directive-service: cadres, reviewers and operators draft and acknowledge; reviewers and operators issue. */
    static final String[] DRAFTERS = {"cadre", "reviewer", "operator"};
    static final String[] DECIDERS = {"reviewer", "operator"};

    private final DirectivesApi api;

    DirectiveController(DirectivesApi api, Clock clock) {
        this.clock = clock;
        this.api = api;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Authentication user,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", api.search(q, Math.max(page, 0)));
        model.addAttribute("mayDraft", Staff.of(user).hasAny(DRAFTERS));
        return "directives/search";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Authentication user, Model model) {
        return page(api.get(id), Staff.of(user), model);
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable String id, Authentication user, Model model, RedirectAttributes redirect) {
        Staff staff = Staff.of(user);
        try {
            api.acknowledge(id, staff.unitId(), BusinessDay.today(clock));
            redirect.addFlashAttribute("done", "acknowledge");
            return "redirect:/directives/" + id;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), null, model);
            return page(api.get(id), staff, model);
        }
    }

    @PostMapping("/{id}/issue")
    String issue(@PathVariable String id, @RequestParam String etag, Authentication user, Model model, RedirectAttributes redirect) {
        try {
            api.issue(id, etag);
            redirect.addFlashAttribute("done", "issue");
            return "redirect:/directives/" + id;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), null, model);
            return page(api.get(id), Staff.of(user), model);
        }
    }

    @GetMapping("/{id}/compliance")
    String compliance(@PathVariable String id, @RequestParam(required = false) Integer days, Model model) {
        DirectiveViews.Compliance compliance = api.compliance(id, days == null ? null : Math.max(days, 0));
        model.addAttribute("directive", api.get(id).directive());
        model.addAttribute("compliance", compliance);
        return "directives/compliance";
    }

    private String page(DirectivesApi.Loaded loaded, Staff staff, Model model) {
        DirectiveViews.Directive directive = loaded.directive();
        model.addAttribute("directive", directive);
        model.addAttribute("etag", loaded.etag());
        model.addAttribute("versions", api.versions(directive.id()));
        model.addAttribute("indicatorNames", directive.content().targets().isEmpty() ? Map.of()
                : api.indicators().stream().collect(Collectors.toMap(DirectiveViews.Indicator::code, DirectiveViews.Indicator::name)));
        model.addAttribute("mayAcknowledge", DirectiveViews.IN_FORCE.contains(directive.status())
                && directive.recipients().contains(staff.unitId()) && staff.hasAny(DRAFTERS));
        model.addAttribute("mayIssue", "DRAFT".equals(directive.status()) && staff.hasAny(DECIDERS));
        return "directives/directive";
    }
}
