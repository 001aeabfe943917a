package org.danvan.directive.directives;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires directives past their {@code validUntil}, every night and once at start-up. */
@Component
class DirectiveExpiry {

    private static final Logger log = LoggerFactory.getLogger(DirectiveExpiry.class);

    private final Directives directives;

    private final Clock clock;

    DirectiveExpiry(Directives directives, Clock clock) {
        this.directives = directives;
        this.clock = clock;
    }

    @Scheduled(cron = "${danvan.directives.expiry-cron:0 5 0 * * *}", zone = "${danvan.time-zone:Asia/Ho_Chi_Minh}")
    @EventListener(ApplicationReadyEvent.class)
    void expirePastValidity() {
        int expired = directives.expire(LocalDate.now(clock));
        if (expired > 0) {
            log.info("{} directive(s) expired", expired);
        }
    }
}
