package org.danvan.feedback.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The days off and make-up working days the government announced for one year (the Ministry of Home
 * Affairs' notice on Tết and public holidays), with the document it comes from. It replaces the computed
 * estimate for that year entirely.
 */
public record OfficialSchedule(int year, List<LocalDate> daysOff, List<LocalDate> workingDays, String source) {

    public OfficialSchedule {
        daysOff = List.copyOf(daysOff);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }
}
