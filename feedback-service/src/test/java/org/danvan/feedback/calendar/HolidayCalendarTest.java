package org.danvan.feedback.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lunar calendar in Vietnam's zone, the statutory days off by rule, and official schedules over them. */
class HolidayCalendarTest {

    @Test
    void tetIsReckonedInVietnamsTimeZoneNotChinas() {
        // the years where Vietnam's new moon falls on the other side of midnight from China's
        assertThat(VietnameseLunarCalendar.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(VietnameseLunarCalendar.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(VietnameseLunarCalendar.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        // and the ordinary ones
        assertThat(VietnameseLunarCalendar.newYear(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(VietnameseLunarCalendar.newYear(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(VietnameseLunarCalendar.newYear(2028)).isEqualTo(LocalDate.of(2028, 1, 26));
        // Hùng Kings' day, the 10th of the third lunar month
        assertThat(VietnameseLunarCalendar.toGregorian(2025, 3, 10)).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(VietnameseLunarCalendar.toGregorian(2026, 3, 10)).isEqualTo(LocalDate.of(2026, 4, 26));
        assertThat(VietnameseLunarCalendar.toGregorian(2027, 3, 10)).isEqualTo(LocalDate.of(2027, 4, 16));
    }

    @Test
    void theComputedEstimateOf2026MatchesTheAnnouncedSchedule() {
        // Hùng Kings' day on Sunday 26/4 gives Monday 27/4; Tết 16–20/2; National Day 1–2/9
        assertThat(StatutoryHolidays.daysOff(2026)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 4, 26), LocalDate.of(2026, 4, 27), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
    }

    @Test
    void holidaysOnAWeekendGiveTheNextWorkingDaysOff() {
        // Tết 2027: Fri 5/2 to Tue 9/2, Sat 6 and Sun 7 compensated on Wed 10 and Thu 11
        HolidayCalendar calendar = new HolidayCalendar(List.of());
        for (int day = 5; day <= 11; day++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, day))).as("2027-02-%02d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
        assertThat(calendar.year(2027).official()).isFalse();
    }

    @Test
    void anOfficialScheduleReplacesTheEstimateMakeUpSaturdaysIncluded() {
        HolidayCalendar calendar = new HolidayCalendar(List.of());
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 11))).isFalse();
        calendar.load(new OfficialSchedule(2027, List.of(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 5),
                LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10)),
                List.of(LocalDate.of(2027, 1, 30)), "Thông báo thử nghiệm"));
        assertThat(calendar.isOfficial(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 11))).as("no longer off by the estimate").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 30))).as("a Saturday worked instead").isTrue();
        assertThat(calendar.year(2027).source()).isEqualTo("Thông báo thử nghiệm");
    }
}
