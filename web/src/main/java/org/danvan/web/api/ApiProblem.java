package org.danvan.web.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An RFC 9457 problem as the platform answers it, with the fields at fault for a validation failure. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    /** What to show as the page's message: the detail, else the title. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title;
    }
}
