package org.danvan.web.api;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A problem no page handled in place (a read that failed) is shown as a page of its own, in the user's language. */
@ControllerAdvice
class ProblemPages {

    @ExceptionHandler(ApiProblemException.class)
    String problem(ApiProblemException e, Model model) {
        model.addAttribute("problem", e.problem());
        return "problem";
    }
}
