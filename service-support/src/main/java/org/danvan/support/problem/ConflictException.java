package org.danvan.support.problem;

import org.springframework.http.HttpStatus;

/**
 * 409: someone else changed the resource between the read and this write. The answer carries the current
 * version as {@code ETag} (when the resource still exists): re-read it and try again.
 */
public class ConflictException extends DanvanProblem {

    public ConflictException(Long currentVersion) {
        super(HttpStatus.CONFLICT, "conflict");
        if (currentVersion != null) {
            getHeaders().setETag(PreconditionFailedException.etag(currentVersion));
            getBody().setProperty("currentVersion", currentVersion);
        }
    }
}
