package org.danvan.web.citizen;

import jakarta.servlet.http.HttpServletResponse;
import org.danvan.web.api.ApiProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tracking a case by its code and secret; the secret is posted, never put in a URL. */
@Controller
@RequestMapping("/track")
class TrackController {

    private final CitizenCases cases;

    TrackController(CitizenCases cases) {
        this.cases = cases;
    }

    @GetMapping
    String form(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code);
        return "citizen/track";
    }

    @PostMapping
    String track(@RequestParam String code, @RequestParam String secret, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            model.addAttribute("tracked", cases.track(code, secret));
        } catch (ApiProblemException e) {
            model.addAttribute("problem", e.problem());
        }
        return "citizen/track";
    }
}
