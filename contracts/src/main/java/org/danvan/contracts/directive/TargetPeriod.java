package org.danvan.contracts.directive;

import java.time.LocalDate;

/** When a target is judged: every year, by a date (from..to), or over one given period. */
public record TargetPeriod(Type type, LocalDate from, LocalDate to) {

    public enum Type { EVERY_YEAR, BY_DATE, PERIOD }
}
