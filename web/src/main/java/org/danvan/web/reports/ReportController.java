package org.danvan.web.reports;

import java.util.List;
import java.util.Map;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.security.Staff;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Báo cáo": the forms my unit owes now, filling one (save a draft, submit), the reviewer's queue and their
 * decisions (accept, return with a reason, revise with a reason). A refused form comes back as it was typed.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

    private final ReportsApi api;
    private final ReportPages pages;

    ReportController(ReportsApi api, ReportPages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping
    String owed(Authentication user, Model model) {
        Staff staff = Staff.of(user);
        model.addAttribute("unitId", staff.unitId());
        model.addAttribute("owed", staff.unitId() == null ? List.of() : pages.owed(staff.unitId()));
        model.addAttribute("reviewer", staff.hasAny("reviewer", "operator"));
        return "reports/owed";
    }

    @GetMapping("/review")
    String review(Authentication user, Model model) {
        model.addAttribute("reports", pages.review(Staff.of(user)));
        model.addAttribute("forms", pages.formsByCode());
        return "reports/review";
    }

    /** Without a form and period (the language switch keeps only {@code lang}) the list of owed forms is the way in. */
    @GetMapping("/new")
    String blank(@RequestParam(required = false) String form, @RequestParam(required = false) String period,
            @RequestParam(required = false) String unit, Authentication user, Model model) {
        if (form == null || period == null) {
            return "redirect:/reports";
        }
        Staff staff = Staff.of(user);
        ReportEntry entry = new ReportEntry();
        entry.setForm(form);
        entry.setPeriod(period);
        entry.setUnit(unit == null || unit.isBlank() ? staff.unitId() : unit);
        return pages.report(model, null, entry, ReportErrors.NONE, staff);
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Authentication user, Model model) {
        ReportViews.Report report = api.get(id);
        return pages.report(model, report, ReportEntry.of(report, LocaleContextHolder.getLocale()), ReportErrors.NONE, Staff.of(user));
    }

    /** Saves the values (creating the report the first time) and, for {@code action=submit}, submits it. */
    @PostMapping
    String save(@ModelAttribute("entry") ReportEntry entry, @RequestParam(defaultValue = "draft") String action,
            Authentication user, Model model, RedirectAttributes redirect) {
        try {
            ReportViews.Report saved = entry.getId() == null
                    ? api.create(entry.getForm(), entry.getUnit(), entry.getPeriod(), entry.getValues())
                    : api.updateValues(entry.getId(), entry.getVersion(), entry.getValues());
            // the draft exists now: a refused submission comes back to it, not to a second new report
            entry.setId(saved.id());
            entry.setVersion(saved.storeVersion());
            if ("submit".equals(action)) {
                api.step(saved.id(), saved.storeVersion(), "submit", null);
            }
            redirect.addFlashAttribute("done", "submit".equals(action) ? "submit" : "draft");
            return "redirect:/reports/" + saved.id();
        } catch (ApiProblemException e) {
            return again(entry, e, user, model);
        }
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable String id, @ModelAttribute("entry") ReportEntry entry, Authentication user, Model model,
            RedirectAttributes redirect) {
        return decide(id, entry, "accept", null, user, model, redirect);
    }

    @PostMapping("/{id}/return")
    String returnForCorrection(@PathVariable String id, @ModelAttribute("entry") ReportEntry entry, Authentication user,
            Model model, RedirectAttributes redirect) {
        return decide(id, entry, "return", Map.of("reasons", entry.getReason() == null || entry.getReason().isBlank()
                ? List.of() : List.of(entry.getReason().trim())), user, model, redirect);
    }

    @PostMapping("/{id}/revise")
    String revise(@PathVariable String id, @ModelAttribute("entry") ReportEntry entry, Authentication user, Model model,
            RedirectAttributes redirect) {
        return decide(id, entry, "revise", Map.of("values", ReportsApi.raw(entry.getValues()),
                "reason", entry.getReason() == null ? "" : entry.getReason().trim()), user, model, redirect);
    }

    private String decide(String id, ReportEntry entry, String action, Object body, Authentication user, Model model,
            RedirectAttributes redirect) {
        entry.setId(id);
        try {
            api.step(id, entry.getVersion(), action, body);
            redirect.addFlashAttribute("done", action);
            return "redirect:/reports/" + id;
        } catch (ApiProblemException e) {
            model.addAttribute("failedAction", action);
            return again(entry, e, user, model);
        }
    }

    /** The page again with what was typed and the problem in place; the stored report when there is one. */
    private String again(ReportEntry entry, ApiProblemException e, Authentication user, Model model) {
        ReportViews.Report report = entry.getId() == null ? null : api.get(entry.getId());
        if (report != null) {
            if (entry.getValues().isEmpty()) {
                // a decision refused (accept, return): the page shows the stored values again
                entry.setValues(ReportEntry.of(report, LocaleContextHolder.getLocale()).getValues());
            }
            entry.setForm(report.formCode());
            entry.setUnit(report.unitId());
            entry.setPeriod(report.period());
        }
        return pages.report(model, report, entry, ReportErrors.of(e.problem()), Staff.of(user));
    }
}
