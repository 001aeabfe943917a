package org.danvan.feedback.deadlines;

import java.time.LocalDate;
import java.util.Optional;

import org.danvan.feedback.calendar.HolidayCalendar;
import org.springframework.stereotype.Service;

/**
 * Deadline arithmetic by the configured rules. A limit of N days counts from the day after the event
 * (Civil Code art. 147). Working-day limits skip weekends and holidays; a calendar-day limit that ends on a
 * day off ends on the next working day instead (art. 148). Due dates are computed once, when the step
 * happens, and stored: changing a rule later never rewrites them.
 */
@Service
public class Deadlines {

    private final DeadlineProperties properties;
    private final HolidayCalendar calendar;

    public Deadlines(DeadlineProperties properties, HolidayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The due date of {@code step} for a case of {@code kind} in {@code round}, counted from {@code from}. */
    public LocalDate due(String kind, DeadlineStep step, int round, Complexity complexity, boolean remote, LocalDate from) {
        DeadlineProperties.Rule rule = rule(kind, step, round);
        return add(from, rule.daysFor(complexity, remote), rule.workingDays());
    }

    /** The due date after one more extension, or empty when the rule allows no further extension. */
    public Optional<LocalDate> extended(String kind, int round, Complexity complexity, int extensionsSoFar, LocalDate currentDue) {
        DeadlineProperties.Rule rule = rule(kind, DeadlineStep.RESOLUTION, round);
        if (rule.extensionDays() == null || extensionsSoFar >= rule.maxExtensionsFor(complexity)) {
            return Optional.empty();
        }
        return Optional.of(add(currentDue, rule.extensionDays(), rule.workingDays()));
    }

    public int maxExtensions(String kind, int round, Complexity complexity) {
        return rule(kind, DeadlineStep.RESOLUTION, round).maxExtensionsFor(complexity);
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /**
     * True when a due date counted from {@code from} crosses a year whose official holiday schedule is not
     * loaded yet: it rests on the computed estimate and may move when the schedule comes.
     */
    public boolean isProvisional(LocalDate from, LocalDate due) {
        return calendar.isProvisional(from, due);
    }

    LocalDate add(LocalDate from, int days, boolean workingDays) {
        if (!workingDays) {
            LocalDate end = from.plusDays(days);
            while (!isWorkingDay(end)) {
                end = end.plusDays(1);
            }
            return end;
        }
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private DeadlineProperties.Rule rule(String kind, DeadlineStep step, int round) {
        return properties.rules().stream()
                .filter(r -> r.kind().equals(kind) && r.step() == step && (r.round() == null || r.round() == round))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no deadline rule for " + kind + " " + step + " round " + round));
    }
}
