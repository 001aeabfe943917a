package org.danvan.feedback.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Callers;
import org.danvan.support.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar deadlines are counted on: read by anyone signed in, loaded by operators. */
@RestController
class CalendarController {

    private final HolidaySchedules schedules;
    private final HolidayCalendar calendar;

    CalendarController(HolidaySchedules schedules, HolidayCalendar calendar) {
        this.schedules = schedules;
        this.calendar = calendar;
    }

    record ScheduleRequest(@NotNull @Size(max = 60) List<@NotNull LocalDate> daysOff,
            @Size(max = 20) List<@NotNull LocalDate> workingDays, @NotBlank @Size(max = 300) String source) {
    }

    @GetMapping("/api/v1/calendar/{year}")
    HolidayCalendar.YearCalendar year(@PathVariable @Min(2000) @Max(2200) int year) {
        return calendar.year(year);
    }

    /** Loads the government's announced schedule for {@code year}, replacing the computed estimate. */
    @PutMapping("/api/v1/admin/calendar/{year}")
    HolidayCalendar.YearCalendar load(@PathVariable @Min(2000) @Max(2200) int year,
            @Valid @RequestBody ScheduleRequest request) {
        Caller caller = Callers.current();
        if (!caller.has(Roles.OPERATOR)) {
            throw new ForbiddenException(List.of(Roles.OPERATOR));
        }
        List<LocalDate> workingDays = request.workingDays() == null ? List.of() : request.workingDays();
        List<InvalidRequestException.Violation> violations = new ArrayList<>();
        checkYear(violations, "daysOff", request.daysOff(), year);
        checkYear(violations, "workingDays", workingDays, year);
        if (workingDays.stream().anyMatch(day -> !StatutoryHolidays.isWeekend(day))) {
            violations.add(new InvalidRequestException.Violation("workingDays", "calendar.working-day-not-weekend"));
        }
        if (request.daysOff().stream().anyMatch(workingDays::contains)) {
            violations.add(new InvalidRequestException.Violation("workingDays", "calendar.day-off-and-working"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        schedules.load(new OfficialSchedule(year, request.daysOff(), workingDays, request.source()), caller.subject());
        return calendar.year(year);
    }

    private static void checkYear(List<InvalidRequestException.Violation> violations, String field, List<LocalDate> days, int year) {
        if (days.stream().anyMatch(day -> day.getYear() != year)) {
            violations.add(new InvalidRequestException.Violation(field, "calendar.outside-year", year));
        }
    }
}
