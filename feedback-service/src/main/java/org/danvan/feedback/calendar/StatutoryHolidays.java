package org.danvan.feedback.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The days off the Labour Code 2019 (art. 112) gives every year, computed: New Year's Day; five days of Tết
 * (the last day of the old lunar year and the first four of the new one, the arrangement the government has
 * announced most years); Hùng Kings' day (10th of the third lunar month); 30 April; 1 May; National Day, 2
 * September with 1 September. A holiday that falls on a weekend gives a compensatory day off on the next
 * working day (art. 112.3). The schedule the government announces each year overrides this estimate.
 */
final class StatutoryHolidays {

    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(4, 30), MonthDay.of(5, 1),
            MonthDay.of(9, 1), MonthDay.of(9, 2));

    private StatutoryHolidays() {
    }

    static SortedSet<LocalDate> daysOff(int year) {
        SortedSet<LocalDate> holidays = new TreeSet<>();
        FIXED.forEach(day -> holidays.add(day.atYear(year)));
        LocalDate tet = VietnameseLunarCalendar.newYear(year);
        for (int offset = -1; offset <= 3; offset++) {
            holidays.add(tet.plusDays(offset));
        }
        holidays.add(VietnameseLunarCalendar.toGregorian(year, 3, 10));
        SortedSet<LocalDate> daysOff = new TreeSet<>(holidays);
        for (LocalDate holiday : holidays) {
            if (isWeekend(holiday)) {
                LocalDate compensatory = holiday.plusDays(1);
                while (isWeekend(compensatory) || daysOff.contains(compensatory)) {
                    compensatory = compensatory.plusDays(1);
                }
                daysOff.add(compensatory);
            }
        }
        return daysOff;
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
