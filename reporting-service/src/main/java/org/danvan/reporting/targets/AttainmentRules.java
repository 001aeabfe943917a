package org.danvan.reporting.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import org.danvan.contracts.directive.TargetSpec;

/**
 * The attainment rules, free of storage. A finished period is MET or NOT_MET by the comparator. While the
 * period runs, a value that already satisfies the comparator and whose projection does too is MET; a
 * projection that fails is AT_RISK once enough of the period has elapsed; otherwise NOT_MET (not met yet).
 * A count that accumulates is projected by pro-rating (value ÷ elapsed share); a rate or stock is its own
 * projection. No value is NO_DATA.
 */
final class AttainmentRules {

    private static final int SCALE = 2;

    private AttainmentRules() {
    }

    static boolean satisfies(TargetSpec.Comparator comparator, BigDecimal value, BigDecimal threshold, BigDecimal upper) {
        int c = value.compareTo(threshold);
        return switch (comparator) {
            case GTE -> c >= 0;
            case GT -> c > 0;
            case EQ -> c == 0;
            case LTE -> c <= 0;
            case LT -> c < 0;
            case BETWEEN -> c >= 0 && upper != null && value.compareTo(upper) <= 0;
        };
    }

    /** The share of {@code start..end} (inclusive days) elapsed by the end of {@code today}, 0..1. */
    static BigDecimal elapsedShare(LocalDate start, LocalDate end, LocalDate today) {
        if (today.isBefore(start)) {
            return BigDecimal.ZERO;
        }
        if (today.isAfter(end) || today.isEqual(end)) {
            return BigDecimal.ONE;
        }
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, today) + 1;
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }

    /**
     * @param flow  the value accumulates over the period (pro-rated when projecting)
     * @param share the elapsed share of the period judged; 1 when it is over
     */
    static AttainmentStatus status(TargetSpec target, BigDecimal value, boolean flow, BigDecimal share,
            BigDecimal atRiskFrom) {
        if (value == null) {
            return AttainmentStatus.NO_DATA;
        }
        boolean now = satisfies(target.comparator(), value, target.threshold(), target.upperThreshold());
        if (share.compareTo(BigDecimal.ONE) >= 0) {
            return now ? AttainmentStatus.MET : AttainmentStatus.NOT_MET;
        }
        BigDecimal projected = flow && share.signum() > 0 ? value.divide(share, SCALE, RoundingMode.HALF_UP) : value;
        boolean projectedOk = satisfies(target.comparator(), projected, target.threshold(), target.upperThreshold());
        if (now && projectedOk) {
            return AttainmentStatus.MET;
        }
        if (!projectedOk && share.compareTo(atRiskFrom) >= 0) {
            return AttainmentStatus.AT_RISK;
        }
        return AttainmentStatus.NOT_MET;
    }

    /** The percentage of units that are MET; null when there are no units. */
    static BigDecimal shareMet(Collection<AttainmentStatus> units) {
        if (units.isEmpty()) {
            return null;
        }
        long met = units.stream().filter(s -> s == AttainmentStatus.MET).count();
        return BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(units.size()), SCALE, RoundingMode.HALF_UP);
    }

    /**
     * A "every unit …" target as a whole: MET when every unit in scope is; NO_DATA when none has data; once the
     * period is over NOT_MET; while it runs AT_RISK if some unit is, else NOT_MET. A unit without data counts
     * as not meeting.
     */
    static AttainmentStatus everyUnit(Collection<AttainmentStatus> units, BigDecimal share) {
        if (units.isEmpty() || units.stream().allMatch(s -> s == AttainmentStatus.NO_DATA)) {
            return AttainmentStatus.NO_DATA;
        }
        if (units.stream().allMatch(s -> s == AttainmentStatus.MET)) {
            return AttainmentStatus.MET;
        }
        if (share.compareTo(BigDecimal.ONE) >= 0) {
            return AttainmentStatus.NOT_MET;
        }
        return units.contains(AttainmentStatus.AT_RISK) ? AttainmentStatus.AT_RISK : AttainmentStatus.NOT_MET;
    }
}
