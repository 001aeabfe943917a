package org.danvan.support.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The one business clock. Every "today", deadline and period is read from it, and Bean Validation's
 * {@code @PastOrPresent}/{@code @FutureOrPresent} use it too, so a date the user calls today is today in
 * Vietnam, not in the JVM's zone. Tests replace the bean with a fixed clock.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
@EnableConfigurationProperties(BusinessTimeProperties.class)
public class BusinessClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock businessClock(BusinessTimeProperties properties) {
        return Clock.system(properties.timeZone());
    }

    @Bean
    ValidationConfigurationCustomizer businessClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
