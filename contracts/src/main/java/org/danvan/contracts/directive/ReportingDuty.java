package org.danvan.contracts.directive;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Recipients report results for every period of each of {@code cadences} ("định kỳ 6 tháng, 01 năm": half-yearly
 * and yearly), {@code dueOffsetDays} after the period ends, to {@code reportToUnitId}, possibly via another unit.
 * The cadences are distinct and ordered from the most frequent.
 */
public record ReportingDuty(List<Cadence> cadences, int dueOffsetDays, String reportToUnitId, String viaUnitId) {

    public enum Cadence { QUARTERLY, SEMIANNUAL, ANNUAL }

    public ReportingDuty {
        cadences = cadences == null ? List.of() : cadences.stream().distinct().sorted().toList();
    }

    /** Reads both shapes of the v1 event: {@code cadences}, and the single {@code cadence} written before it. */
    @JsonCreator
    static ReportingDuty read(@JsonProperty("cadences") List<Cadence> cadences, @JsonProperty("cadence") Cadence cadence,
            @JsonProperty("dueOffsetDays") int dueOffsetDays, @JsonProperty("reportToUnitId") String reportToUnitId,
            @JsonProperty("viaUnitId") String viaUnitId) {
        List<Cadence> all = new ArrayList<>(cadences == null ? List.of() : cadences);
        if (cadence != null) {
            all.add(cadence);
        }
        return new ReportingDuty(all, dueOffsetDays, reportToUnitId, viaUnitId);
    }
}
