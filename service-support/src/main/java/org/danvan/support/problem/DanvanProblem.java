package org.danvan.support.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem with a stable {@code type} URI ({@code https://danvan.org/problems/<slug>}) whose
 * title and detail come from the {@code danvan-problems} messages in the caller's language
 * ({@code problem.<slug>.title}, {@code problem.<slug>.detail} with the given arguments).
 */
public abstract class DanvanProblem extends ErrorResponseException {

    public static final String TYPE_BASE = "https://danvan.org/problems/";

    private final String slug;

    protected DanvanProblem(HttpStatusCode status, String slug, Object... detailArguments) {
        super(status, ProblemDetail.forStatus(status), null, "problem." + slug + ".detail", detailArguments);
        this.slug = slug;
        getBody().setType(URI.create(TYPE_BASE + slug));
    }

    @Override
    public String getTitleMessageCode() {
        return "problem." + slug + ".title";
    }
}
