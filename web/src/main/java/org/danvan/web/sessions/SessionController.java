package org.danvan.web.sessions;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Tiếp dân, đối thoại": the unit's reception days and dialogues with their open commitments, the duties its
 * petitions created and their deadlines; recording a session with its matters and commitments (rows added and
 * removed by a submit that keeps what was typed); a commitment marked fulfilled.
 */
@Controller
@RequestMapping("/sessions")
class SessionController {

    private final Clock clock;

    static final List<String> KINDS = List.of("RECEPTION_DAY", "DIALOGUE");

    private final SessionsApi api;

    SessionController(SessionsApi api, Clock clock) {
        this.clock = clock;
        this.api = api;
    }

    /** What "overdue" is judged against on every sessions page. */
    @ModelAttribute("today")
    java.time.LocalDate today() {
        return BusinessDay.today(clock);
    }

    @GetMapping
    String list(Authentication user, Model model) {
        String unit = Staff.of(user).unitId();
        model.addAttribute("unitId", unit);
        model.addAttribute("sessions", unit == null ? List.of() : api.sessions(unit));
        model.addAttribute("petitions", unit == null ? List.of() : api.petitions(unit).stream().filter(p -> !p.duties().isEmpty()).toList());
        return "sessions/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("meeting", api.get(id));
        return "sessions/session";
    }

    @PostMapping("/{id}/commitments/{number}/fulfil")
    String fulfil(@PathVariable String id, @PathVariable int number, Model model, RedirectAttributes redirect) {
        try {
            api.fulfil(id, number, BusinessDay.today(clock));
            redirect.addFlashAttribute("done", number);
            return "redirect:/sessions/" + id;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), null, model);
            return show(id, model);
        }
    }

    @GetMapping("/new")
    String blank(@ModelAttribute("entry") SessionForm session, Authentication user, Model model) {
        session.setHostUnitId(Staff.of(user).unitId());
        session.setHeldOn(BusinessDay.today(clock).format(BusinessDay.DATE));
        session.getMatters().add("");
        session.getCommitments().add(new SessionForm.CommitmentRow());
        return form(model);
    }

    @PostMapping(value = "/new", params = "addMatter")
    String addMatter(@ModelAttribute("entry") SessionForm session, Model model) {
        session.getMatters().add("");
        return form(model);
    }

    @PostMapping(value = "/new", params = "addCommitment")
    String addCommitment(@ModelAttribute("entry") SessionForm session, Model model) {
        session.getCommitments().add(new SessionForm.CommitmentRow());
        return form(model);
    }

    @PostMapping(value = "/new", params = "removeMatter")
    String removeMatter(@ModelAttribute("entry") SessionForm session, @RequestParam int removeMatter, Model model) {
        if (removeMatter >= 0 && removeMatter < session.getMatters().size()) {
            session.getMatters().remove(removeMatter);
        }
        return form(model);
    }

    @PostMapping(value = "/new", params = "removeCommitment")
    String removeCommitment(@ModelAttribute("entry") SessionForm session, @RequestParam int removeCommitment, Model model) {
        if (removeCommitment >= 0 && removeCommitment < session.getCommitments().size()) {
            session.getCommitments().remove(removeCommitment);
        }
        return form(model);
    }

    @PostMapping("/new")
    String record(@ModelAttribute("entry") SessionForm session, BindingResult binding, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = session.body(binding);
        if (body == null) {
            return form(model);
        }
        try {
            SessionViews.Session recorded = api.record(body);
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/sessions/" + recorded.id();
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            return form(model);
        }
    }

    private static String form(Model model) {
        model.addAttribute("kinds", KINDS);
        return "sessions/new";
    }
}
