package org.danvan.feedback.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    HolidayCalendar holidayCalendar(HolidaySchedules schedules) {
        return schedules.calendar();
    }
}
