package org.danvan.reporting.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * A period asked about or reported for: a year ({@code 2025}), a half ({@code 2025H1}) or a quarter
 * ({@code 2025Q3}). A year contains its halves and quarters, a half its two quarters.
 */
public record ReportingPeriod(int year, PeriodType type, int index) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:([HQ])([1-4]))?");

    public static Optional<ReportingPeriod> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return Optional.of(new ReportingPeriod(year, PeriodType.ANNUAL, 1));
        }
        int index = Integer.parseInt(m.group(3));
        if (m.group(2).equals("H")) {
            return index <= 2 ? Optional.of(new ReportingPeriod(year, PeriodType.SEMIANNUAL, index)) : Optional.empty();
        }
        return Optional.of(new ReportingPeriod(year, PeriodType.QUARTERLY, index));
    }

    public static ReportingPeriod of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a period"));
    }

    private static int months(PeriodType type) {
        return switch (type) {
            case QUARTERLY -> 3;
            case SEMIANNUAL -> 6;
            case ANNUAL -> 12;
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * months(type) + 1, 1);
    }

    /** The last day, inclusive. */
    public LocalDate end() {
        return start().plusMonths(months(type)).minusDays(1);
    }

    public boolean contains(ReportingPeriod other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** The periods of {@code type} inside this one, in order; none when {@code type} is coarser than this period. */
    public List<ReportingPeriod> periodsOf(PeriodType type) {
        List<ReportingPeriod> periods = new ArrayList<>();
        int count = 12 / months(type);
        for (int i = 1; i <= count; i++) {
            ReportingPeriod candidate = new ReportingPeriod(year, type, i);
            if (contains(candidate)) {
                periods.add(candidate);
            }
        }
        return periods;
    }

    @Override
    public String toString() {
        return switch (type) {
            case QUARTERLY -> year + "Q" + index;
            case SEMIANNUAL -> year + "H" + index;
            case ANNUAL -> Integer.toString(year);
        };
    }
}
