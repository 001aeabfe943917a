package org.danvan.web.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Figures as the pages write them, in the user's language: numbers with its separators (1.234,5 in
 * Vietnamese) and periods by name ("Quý 3/2026"). Templates call it as {@code @figures}.
 */
@Component("figures")
public class Figures {

    private final MessageSource messages;

    Figures(MessageSource messages) {
        this.messages = messages;
    }

    /** A number with at most one decimal; a dash for missing data. */
    public String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** The period the API writes {@code 2026Q3} by its name; the text itself if it is not a period. */
    public String period(String text) {
        return name(text, "");
    }

    /** The period's short name, for a chart's axis ("Quý 3/2026", "6T đầu 2026"). */
    public String shortPeriod(String text) {
        return name(text, ".short");
    }

    private String name(String text, String variant) {
        Periods period = Periods.parse(text);
        return period == null ? text : messages.getMessage(period.messageKey().replace("period.", "period" + variant + "."),
                new Object[] {Integer.toString(period.year()), period.index()}, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
