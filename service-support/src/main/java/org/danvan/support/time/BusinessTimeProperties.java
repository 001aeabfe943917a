package org.danvan.support.time;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The zone the business day is counted in: every "today", deadline, period and date validation. */
@Validated
@ConfigurationProperties("danvan")
public record BusinessTimeProperties(@NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone) {
}
