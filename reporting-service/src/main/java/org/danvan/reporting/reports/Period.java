package org.danvan.reporting.reports;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.danvan.reporting.forms.PeriodType;

/** A reporting period: a year ({@code 2025}), a half ({@code 2025H1}) or a quarter ({@code 2025Q3}). */
record Period(int year, PeriodType type, int index) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:([HQ])([1-4]))?");

    static Optional<Period> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return Optional.of(new Period(year, PeriodType.ANNUAL, 1));
        }
        int index = Integer.parseInt(m.group(3));
        if (m.group(2).equals("H")) {
            return index <= 2 ? Optional.of(new Period(year, PeriodType.SEMIANNUAL, index)) : Optional.empty();
        }
        return Optional.of(new Period(year, PeriodType.QUARTERLY, index));
    }

    private int months() {
        return switch (type) {
            case QUARTERLY -> 3;
            case SEMIANNUAL -> 6;
            case ANNUAL -> 12;
        };
    }

    LocalDate start() {
        return LocalDate.of(year, (index - 1) * months() + 1, 1);
    }

    LocalDate end() {
        return start().plusMonths(months()).minusDays(1);
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
