package org.danvan.support.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The caller is known but their roles do not allow this; names the roles that would. */
public class ForbiddenException extends DanvanProblem {

    public ForbiddenException(List<String> requiredRoles) {
        super(HttpStatus.FORBIDDEN, "forbidden");
        getBody().setProperty("requiredRoles", requiredRoles);
    }
}
