package org.danvan.support.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves a service as {@code application/problem+json}, in Vietnamese or English by
 * {@code Accept-Language}. Validation failures list every field at fault in one response.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    public ProblemHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field", error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        return validationProblem(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null ? "?"
                                : result.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(error, locale))))
                .toList();
        return validationProblem(errors, headers, request);
    }

    /** A parameter (query, path, header) that does not convert: {@code page=abc}, an unknown enum value, a bad date. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return validationProblem(List.of(error(ex.getPropertyName(), "typeMismatch")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(List.of(error(ex.getParameterName(), "NotNull")), headers, request);
    }

    /** Method validation by a {@code @Validated} bean (a controller or a service), reported like the others. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(violation -> Map.of("field", lastName(violation), "message", message(violation)))
                .toList();
        return validationProblem(errors, new HttpHeaders(), request);
    }

    /** Validation found by the domain rather than by annotations, reported the same way. */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.violations().stream()
                .map(v -> Map.of("field", v.field(), "message",
                        messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), locale)))
                .toList();
        return validationProblem(errors, new HttpHeaders(), request);
    }

    /** A write that lost a race to another one: the same 409 as {@link ConflictException}, whoever threw it. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
        ConflictException conflict = new ConflictException(null);
        return handleErrorResponseException(conflict, conflict.getHeaders(), conflict.getStatusCode(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("unexpected error", ex);
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        body.setType(URI.create(DanvanProblem.TYPE_BASE + "internal"));
        body.setTitle(message("problem.internal.title"));
        body.setDetail(message("problem.internal.detail"));
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setType(URI.create(DanvanProblem.TYPE_BASE + "validation"));
        body.setTitle(message("problem.validation.title"));
        body.setDetail(message("problem.validation.detail", errors.size()));
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    private Map<String, String> error(String field, String code) {
        return Map.of("field", field == null ? "?" : field, "message", message(code));
    }

    /** {@code search.page} is the parameter {@code page}; {@code file.arg0.items[3].name} the field {@code name}. */
    private static String lastName(ConstraintViolation<?> violation) {
        String name = "?";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    /** The same text as for a field error: the constraint's code with its attributes in name order (Spring's arguments). */
    private String message(ConstraintViolation<?> violation) {
        var descriptor = violation.getConstraintDescriptor();
        List<Object> arguments = new ArrayList<>(List.of(lastName(violation)));
        new TreeMap<>(descriptor.getAttributes()).forEach((attribute, value) -> {
            if (!List.of("message", "groups", "payload").contains(attribute)) {
                arguments.add(value);
            }
        });
        return messages.getMessage(descriptor.getAnnotation().annotationType().getSimpleName(), arguments.toArray(),
                violation.getMessage(), LocaleContextHolder.getLocale());
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
