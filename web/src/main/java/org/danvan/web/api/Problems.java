package org.danvan.web.api;

import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the API's problems into what a page shows in place: each field error beside its field (bound to
 * the form the user typed, so nothing is lost) and the rest as the page's message.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** Calls the API; a 4xx/5xx answer becomes an {@link ApiProblemException}. */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw new ApiProblemException(parse(e));
        }
    }

    public static void show(ApiProblem problem, BindingResult form, Model model) {
        problem.errors().forEach(error -> {
            String field = form == null || form.getTarget() == null ? null : fieldOf(form, error.field());
            if (field != null) {
                form.rejectValue(field, "api", error.message());
            } else {
                model.addAttribute("problem", problem);
            }
        });
        if (problem.errors().isEmpty()) {
            model.addAttribute("problem", problem);
        }
    }

    /** The form's field for the API's: itself, or the list it indexes into ({@code recipientUnitIds[2]} → {@code recipientUnitIds}). */
    private static String fieldOf(BindingResult form, String field) {
        if (field == null) {
            return null;
        }
        if (isField(form, field)) {
            return field;
        }
        String list = field.replaceFirst("\\[\\d+]$", "");
        return !list.equals(field) && isField(form, list) ? list : null;
    }

    private static boolean isField(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ApiProblem parse(RestClientResponseException e) {
        try {
            ApiProblem problem = JSON.readValue(e.getResponseBodyAsString(), ApiProblem.class);
            return problem.title() == null && problem.detail() == null
                    ? new ApiProblem(null, e.getStatusText(), e.getStatusCode().value(), null, problem.errors()) : problem;
        } catch (RuntimeException notAProblem) {
            return new ApiProblem(null, e.getStatusText(), e.getStatusCode().value(), null, null);
        }
    }
}
