package org.danvan.web.units;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Set;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
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

/**
 * "Đơn vị" for operators: the tree as it stood on any date (search, a unit with its parents and children),
 * registering a unit, and renaming, moving or closing one from a date. directive-service decides who may
 * change the tree (operators); the pages only ask.
 */
@Controller
@RequestMapping("/units")
class UnitsController {

    static final Set<String> CHANGES = Set.of("rename", "move", "close");
    /** How the pages write and read a date, in their links too; 31/02 is no date. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final List<String> KINDS = List.of("PARTY_COMMITTEE", "MASS_MOBILISATION_COMMISSION", "PEOPLES_COMMITTEE",
            "FATHERLAND_FRONT", "FARMERS_UNION", "WOMENS_UNION", "YOUTH_UNION", "VETERANS_ASSOCIATION", "TRADE_UNION",
            "ARMED_FORCES", "PRESS", "VILLAGE_BRANCH", "ADMINISTRATIVE_AREA");

    private final UnitTree tree;
    private final Clock clock;

    UnitsController(UnitTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("levels", UnitApi.LEVELS);
        model.addAttribute("kinds", KINDS);
    }

    /** The top of the tree on the date (the units without a parent), or the units whose name holds {@code q}. */
    @GetMapping
    String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String asOf, Model model) {
        LocalDate date = date(asOf, model);
        model.addAttribute("asOf", date);
        model.addAttribute("q", q);
        model.addAttribute("units", q == null || q.isBlank() ? tree.roots(date) : tree.search(q.trim(), date).items());
        return "units/browse";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, @RequestParam(required = false) String asOf, @ModelAttribute("form") UnitForm form,
            Model model) {
        return page(code, date(asOf, model), form, model);
    }

    /** The date typed (dd/MM/yyyy), or today when none is; a date not understood is said beside its field. */
    private LocalDate date(String typed, Model model) {
        if (typed != null && !typed.isBlank()) {
            try {
                return LocalDate.parse(typed.trim(), DAY);
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", typed);
            }
        }
        return LocalDate.now(clock);
    }

    @PostMapping("/{code}/{action}")
    String change(@PathVariable String code, @PathVariable String action, @ModelAttribute("form") UnitForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!CHANGES.contains(action)) {
            return "redirect:/units/" + code;
        }
        try {
            tree.change(code, action, form.getVersion(), form.change(action));
            redirect.addFlashAttribute("done", action);
            return "redirect:/units/" + code;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            model.addAttribute("failedAction", action);
            return page(code, LocalDate.now(clock), form, model);
        }
    }

    @GetMapping("/new")
    String registerForm(@ModelAttribute("form") UnitForm form, @RequestParam(required = false) String parent) {
        if (parent != null) {
            form.setParentId(parent);
        }
        return "units/new";
    }

    @PostMapping("/new")
    String register(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            tree.register(form.register());
            redirect.addFlashAttribute("done", "register");
            return "redirect:/units/" + form.register().code();
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            return "units/new";
        }
    }

    private String page(String code, LocalDate asOf, UnitForm form, Model model) {
        UnitApi.Unit unit = tree.get(code, asOf);
        form.setVersion(unit.version());
        model.addAttribute("asOf", asOf);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", tree.ancestors(code, asOf).reversed());
        model.addAttribute("children", tree.children(code, asOf));
        return "units/unit";
    }
}
