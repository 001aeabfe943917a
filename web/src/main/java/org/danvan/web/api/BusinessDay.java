package org.danvan.web.api;

import java.time.LocalDate;
import java.time.ZoneId;

/** The platform's business day is Vietnam's, whatever the server's zone (as the services' clock). */
public final class BusinessDay {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private BusinessDay() {
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
