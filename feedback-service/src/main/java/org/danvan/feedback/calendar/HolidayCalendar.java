package org.danvan.feedback.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days are working days, in every year: the official schedule where the government's has been loaded,
 * the statutory days computed from the Labour Code and the lunar calendar elsewhere. A year without its
 * official schedule is provisional: a deadline that crosses it may still move when the schedule comes.
 */
public class HolidayCalendar {

    private final Map<Integer, OfficialSchedule> official = new ConcurrentHashMap<>();
    private final Map<Integer, YearCalendar> years = new ConcurrentHashMap<>();

    /** One year's calendar: its days off besides weekends, the weekend days worked, and where they come from. */
    public record YearCalendar(int year, boolean official, SortedSet<LocalDate> daysOff, Set<LocalDate> workingDays,
            String source) {
    }

    public HolidayCalendar(Iterable<OfficialSchedule> schedules) {
        schedules.forEach(this::load);
    }

    /** Takes the government's schedule for its year, replacing the estimate or an earlier schedule. */
    public final void load(OfficialSchedule schedule) {
        official.put(schedule.year(), schedule);
        years.remove(schedule.year());
    }

    public boolean isWorkingDay(LocalDate day) {
        YearCalendar year = year(day.getYear());
        if (year.workingDays().contains(day)) {
            return true;
        }
        return !StatutoryHolidays.isWeekend(day) && !year.daysOff().contains(day);
    }

    public boolean isOfficial(int year) {
        return official.containsKey(year);
    }

    /** True when a period from {@code from} to {@code to} touches a year whose official schedule is not loaded. */
    public boolean isProvisional(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!isOfficial(year)) {
                return true;
            }
        }
        return false;
    }

    public YearCalendar year(int year) {
        return years.computeIfAbsent(year, this::compute);
    }

    private YearCalendar compute(int year) {
        return Optional.ofNullable(official.get(year))
                .map(s -> new YearCalendar(year, true, Collections.unmodifiableSortedSet(new TreeSet<>(s.daysOff())), Set.copyOf(s.workingDays()), s.source()))
                .orElseGet(() -> new YearCalendar(year, false,
                        Collections.unmodifiableSortedSet(StatutoryHolidays.daysOff(year)), Set.of(),
                        "Bộ luật Lao động 2019, Điều 112 (ước tính / estimate)"));
    }
}
