package org.danvan.web.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A problem no page handled in place (a read that failed) is shown as a page of its own, in the user's language,
 * with the API's status (a directive not found is a 404, a limit reached a 429), never as a 200.
 */
@ControllerAdvice
class ProblemPages {

    @ExceptionHandler(ApiProblemException.class)
    String problem(ApiProblemException e, Model model, HttpServletResponse response) {
        int status = e.problem().status();
        response.setStatus(status >= 400 && status < 600 ? status : HttpServletResponse.SC_BAD_GATEWAY);
        model.addAttribute("problem", e.problem());
        return "problem";
    }
}
