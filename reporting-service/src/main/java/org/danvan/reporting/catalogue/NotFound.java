package org.danvan.reporting.catalogue;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** 404 naming what was looked for in the caller's language ({@code resource.<kind>} messages). */
public class NotFound extends DanvanProblem {

    public NotFound(String kind, String id) {
        super(HttpStatus.NOT_FOUND, "not-found", new DefaultMessageSourceResolvable(new String[] {"resource." + kind}, kind), id);
    }
}
