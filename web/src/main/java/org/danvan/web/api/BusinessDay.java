package org.danvan.web.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;

/** The platform's business day is Vietnam's, whatever the server's zone (the {@code Clock} bean, as the services'); dates read dd/MM/yyyy. */
public final class BusinessDay {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private BusinessDay() {
    }

    /** Today on the application's business clock (Vietnam's, the {@code Clock} bean). */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock);
    }

    /** A date typed as dd/MM/yyyy in the API's ISO form; null when blank, or rejected beside {@code field} when it does not read. */
    public static String iso(String typed, String field, Errors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.trim(), DATE).toString();
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "date.invalid");
            return null;
        }
    }
}
