package org.danvan.support.problem;

import org.springframework.http.HttpStatus;

/** 404 for a resource that does not exist, or that the caller may not know exists. */
public class ResourceNotFoundException extends DanvanProblem {

    public ResourceNotFoundException(String resource, String id) {
        super(HttpStatus.NOT_FOUND, "not-found", resource, id);
    }
}
