package org.danvan.feedback.calendar;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param officialSchedules the government's schedules shipped with the service; schedules an operator loads
 *                          through the API are kept in the store and take precedence
 * @param refreshInterval   how often an instance re-reads the schedules other instances may have loaded
 */
@Validated
@ConfigurationProperties("danvan.calendar")
record CalendarProperties(@NotNull List<@Valid OfficialSchedule> officialSchedules,
        @NotNull @DefaultValue("PT10M") Duration refreshInterval) {
}
