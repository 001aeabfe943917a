package org.danvan.support.problem;

import org.springframework.http.HttpStatus;

/** 412: the {@code If-Match} version is not the resource's current one; re-read it and try again. */
public class PreconditionFailedException extends DanvanProblem {

    public PreconditionFailedException(String expected, String current) {
        super(HttpStatus.PRECONDITION_FAILED, "precondition-failed", expected, current);
    }

    /** Throws unless {@code ifMatch} is absent or names {@code currentVersion} (as a strong or weak ETag). */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!tag.equals(Long.toString(currentVersion))) {
            throw new PreconditionFailedException(ifMatch, etag(currentVersion));
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
