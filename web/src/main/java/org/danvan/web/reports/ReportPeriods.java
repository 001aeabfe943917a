package org.danvan.web.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reporting periods as reporting-service names them ({@code 2026Q3}, {@code 2026H2}, {@code 2026}) and as people
 * read them ("Quý 3/2026", "6 tháng cuối năm 2026", "Năm 2026"). Pages call {@code @reportPeriods.label(...)}.
 */
@Component("reportPeriods")
public class ReportPeriods {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:([HQ])([1-4]))?");

    private final MessageSource messages;

    ReportPeriods(MessageSource messages) {
        this.messages = messages;
    }

    /** The period of {@code periodType} containing {@code day}, then the one before it: what a unit reports on now. */
    static List<String> recent(String periodType, LocalDate day) {
        int year = day.getYear();
        return switch (periodType) {
            case "QUARTERLY" -> {
                int quarter = (day.getMonthValue() - 1) / 3 + 1;
                yield List.of(year + "Q" + quarter, quarter == 1 ? (year - 1) + "Q4" : year + "Q" + (quarter - 1));
            }
            case "SEMIANNUAL" -> day.getMonthValue() <= 6 ? List.of(year + "H1", (year - 1) + "H2") : List.of(year + "H2", year + "H1");
            default -> List.of(Integer.toString(year), Integer.toString(year - 1));
        };
    }

    public String label(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period);
        if (m == null || !m.matches()) {
            return period;
        }
        String key = m.group(2) == null ? "period.year" : m.group(2).equals("Q") ? "period.quarter" : "period.half" + m.group(3);
        return messages.getMessage(key, new Object[] {m.group(1), m.group(3)}, LocaleContextHolder.getLocale());
    }
}
