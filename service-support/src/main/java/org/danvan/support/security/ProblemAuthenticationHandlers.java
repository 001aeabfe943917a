package org.danvan.support.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.danvan.contracts.EventJson;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json in the caller's language, counted by reason
 * ({@code danvan_auth_failures_total{reason}}) without logging the token.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final MeterRegistry meters;

    ProblemAuthenticationHandlers(MessageSource messages, MeterRegistry meters) {
        this.messages = messages;
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String reason = e instanceof InvalidBearerTokenException ? "invalid-token" : "missing-token";
        meters.counter("danvan.auth.failures", "reason", reason).increment();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        meters.counter("danvan.auth.failures", "reason", "forbidden").increment();
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug) throws IOException {
        Locale locale = request.getLocale() != null && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                ? request.getLocale() : Locale.forLanguageTag("vi");
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://danvan.org/problems/" + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem." + slug + ".detail", null, null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(EventJson.write(problem));
    }
}
