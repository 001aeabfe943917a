package org.danvan.reporting.streams;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What one input slot (a report's form, unit and period; a branch's snapshot; a member) adds to the totals of
 * {@code unit} — the slot's own unit or one of its ancestors — for {@code period}. A slot keeps the contribution
 * of its highest {@code rank} (the report's revision, the snapshot's day, a member's departure over its enrolment).
 */
record Contribution(String unit, String period, long rank, Map<String, BigDecimal> values) {

    Contribution {
        values = Map.copyOf(values);
    }

    /** The later of two contributions of one slot; a tie (a redelivery) takes the one just read, which equals it. */
    static Contribution later(Contribution kept, Contribution read) {
        return read.rank() >= kept.rank() ? read : kept;
    }
}
