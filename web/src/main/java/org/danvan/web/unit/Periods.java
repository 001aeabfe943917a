package org.danvan.web.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting periods as the API writes them — a year ({@code 2026}), a half ({@code 2026H1}) or a quarter
 * ({@code 2026Q3}) — and the ones the dashboard offers.
 */
record Periods(int year, char type, int index) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:([HQ])([1-4]))?");

    /** The period written {@code text}, or null when it is not one. */
    static Periods parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches() || "H".equals(m.group(2)) && Integer.parseInt(m.group(3)) > 2) {
            return null;
        }
        return m.group(2) == null ? new Periods(Integer.parseInt(m.group(1)), 'Y', 1)
                : new Periods(Integer.parseInt(m.group(1)), m.group(2).charAt(0), Integer.parseInt(m.group(3)));
    }

    /** This year, its halves and quarters begun by {@code today}, then last year's, the latest first. */
    static List<Periods> choices(LocalDate today) {
        List<Periods> choices = new ArrayList<>();
        for (int year = today.getYear(); year >= today.getYear() - 1; year--) {
            choices.add(new Periods(year, 'Y', 1));
            for (int half = 2; half >= 1; half--) {
                addIfBegun(choices, new Periods(year, 'H', half), today);
            }
            for (int quarter = 4; quarter >= 1; quarter--) {
                addIfBegun(choices, new Periods(year, 'Q', quarter), today);
            }
        }
        return choices;
    }

    private static void addIfBegun(List<Periods> choices, Periods period, LocalDate today) {
        if (!period.start().isAfter(today)) {
            choices.add(period);
        }
    }

    /** The {@code count} periods of this one's kind ending with it, oldest first: the chart's axis. */
    List<Periods> series(int count) {
        List<Periods> series = new ArrayList<>();
        Periods period = this;
        for (int i = 0; i < count; i++) {
            series.addFirst(period);
            period = period.previous();
        }
        return series;
    }

    private Periods previous() {
        return switch (type) {
            case 'Y' -> new Periods(year - 1, 'Y', 1);
            default -> index > 1 ? new Periods(year, type, index - 1) : new Periods(year - 1, type, type == 'H' ? 2 : 4);
        };
    }

    private int months() {
        return switch (type) {
            case 'Q' -> 3;
            case 'H' -> 6;
            default -> 12;
        };
    }

    LocalDate start() {
        return LocalDate.of(year, (index - 1) * months() + 1, 1);
    }

    /** The last day of the period: the date the tree is read at for it. */
    LocalDate end() {
        return start().plusMonths(months()).minusDays(1);
    }

    /** The message key of the period's name, with {@link #year} and {@link #index} as its arguments. */
    String messageKey() {
        return switch (type) {
            case 'Q' -> "period.quarter";
            case 'H' -> "period.half" + index;
            default -> "period.year";
        };
    }

    @Override
    public String toString() {
        return type == 'Y' ? Integer.toString(year) : year + String.valueOf(type) + index;
    }
}
