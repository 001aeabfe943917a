package org.danvan.web.api;

/** The API refused a call with a problem the page shows in place. */
public class ApiProblemException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiProblemException(ApiProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
