package org.danvan.contracts.directive;

/** Recipients report results every {@code cadence} to {@code reportToUnitId}, possibly via another unit. */
public record ReportingDuty(Cadence cadence, int dueOffsetDays, String reportToUnitId, String viaUnitId) {

    public enum Cadence { QUARTERLY, SEMIANNUAL, ANNUAL }
}
