package org.danvan.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what a citizen can do without an account, and the way in for staff. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
