package org.danvan.feedback.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link HolidayCalendar} fed: the shipped schedules first, then those operators loaded (stored,
 * so every instance and every restart sees them). The gauge {@code danvan_holiday_schedule_missing} is 1 while
 * this year's schedule is missing, or next year's from 1 October on, so an alert reminds operators to load it
 * before deadlines reach into that year.
 */
@Component
class HolidaySchedules {

    static final MonthDay REMIND_FROM = MonthDay.of(10, 1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HolidayCalendar calendar;

    @Document("holiday_schedules")
    record StoredSchedule(@Id int year, List<LocalDate> daysOff, List<LocalDate> workingDays, String source,
            String loadedBy, Instant loadedAt) {

        OfficialSchedule schedule() {
            return new OfficialSchedule(year, daysOff, workingDays, source);
        }
    }

    HolidaySchedules(MongoTemplate mongo, Clock clock, CalendarProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.calendar = new HolidayCalendar(properties.officialSchedules());
        refresh();
        Gauge.builder("danvan.holiday.schedule.missing", this::missing)
                .description("1 while the official holiday schedule of this year, or of next year from 1 October, is not loaded")
                .register(meters);
    }

    HolidayCalendar calendar() {
        return calendar;
    }

    @Scheduled(fixedDelayString = "${danvan.calendar.refresh-interval:PT10M}", initialDelayString = "${danvan.calendar.refresh-interval:PT10M}")
    void refresh() {
        mongo.findAll(StoredSchedule.class).forEach(stored -> calendar.load(stored.schedule()));
    }

    OfficialSchedule load(OfficialSchedule schedule, String loadedBy) {
        mongo.save(new StoredSchedule(schedule.year(), schedule.daysOff(), schedule.workingDays(), schedule.source(),
                loadedBy, clock.instant()));
        calendar.load(schedule);
        return schedule;
    }

    double missing() {
        LocalDate today = LocalDate.now(clock);
        boolean thisYear = !calendar.isOfficial(today.getYear());
        boolean nextYear = !MonthDay.from(today).isBefore(REMIND_FROM) && !calendar.isOfficial(today.getYear() + 1);
        return thisYear || nextYear ? 1 : 0;
    }
}
