package org.danvan.support.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.danvan.support.problem.DanvanProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before a request reaches the application (a path that is not valid UTF-8, a malformed
 * request line) leaves as problem+json in the caller's language, like every other error, instead of
 * Tomcat's HTML error page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    private ProblemErrorReportValve(MessageSource messages) {
        this.messages = messages;
    }

    /** Takes the place of the host's error report valves (Tomcat's default and the one Spring Boot adds). */
    public static void install(Context context, MessageSource messages) {
        Host host = (Host) context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve(messages));
        // the host adds its own report valve on start unless one of this class is already there
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? request.getLocale() : Locale.forLanguageTag("vi");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", DanvanProblem.TYPE_BASE + "bad-request");
        problem.put("title", messages.getMessage("problem.bad-request.title", null, locale));
        problem.put("status", status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("detail", messages.getMessage("problem.bad-request.detail",
                new Object[] {status + (known == null ? "" : " " + known.getReasonPhrase())}, locale));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            response.finishResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
