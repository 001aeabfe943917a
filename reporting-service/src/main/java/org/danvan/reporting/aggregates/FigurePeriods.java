package org.danvan.reporting.aggregates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportingPeriod;

/** The periods running totals are kept for: each year with its halves and quarters. */
final class FigurePeriods {

    private FigurePeriods() {
    }

    static List<ReportingPeriod> ofYear(int year) {
        ReportingPeriod whole = new ReportingPeriod(year, PeriodType.ANNUAL, 1);
        List<ReportingPeriod> periods = new ArrayList<>(List.of(whole));
        periods.addAll(whole.periodsOf(PeriodType.SEMIANNUAL));
        periods.addAll(whole.periodsOf(PeriodType.QUARTERLY));
        return periods;
    }

    /** Every kept period from {@code first} through {@code last}. */
    static List<ReportingPeriod> ofYears(int first, int last) {
        List<ReportingPeriod> periods = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            periods.addAll(ofYear(year));
        }
        return periods;
    }

    /** The kept periods a report for {@code period} counts in. */
    static List<ReportingPeriod> containing(ReportingPeriod period) {
        return ofYear(period.year()).stream().filter(p -> p.contains(period)).toList();
    }

    /** The kept periods through {@code lastYear} whose stock (the count on their last day) a change on {@code day} moves. */
    static List<ReportingPeriod> endingFrom(LocalDate day, int lastYear) {
        List<ReportingPeriod> periods = new ArrayList<>();
        for (int year = day.getYear(); year <= lastYear; year++) {
            ofYear(year).stream().filter(p -> !p.end().isBefore(day)).forEach(periods::add);
        }
        return periods;
    }
}
