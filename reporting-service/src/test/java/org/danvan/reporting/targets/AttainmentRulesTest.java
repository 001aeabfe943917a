package org.danvan.reporting.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttainmentRulesTest {

    private static final BigDecimal OVER = BigDecimal.ONE;
    private static final BigDecimal FROM_A_QUARTER = new BigDecimal("0.25");

    private static TargetSpec target(TargetSpec.Comparator comparator, String threshold, String upper, TargetSpec.ThresholdUnit unit) {
        return new TargetSpec("T1", "X", comparator, new BigDecimal(threshold), upper == null ? null : new BigDecimal(upper),
                unit, List.of(), List.of(), new TargetPeriod(TargetPeriod.Type.EVERY_YEAR, null, null), null);
    }

    private static AttainmentStatus finalStatus(TargetSpec.Comparator comparator, String threshold, String upper, String value) {
        return AttainmentRules.status(target(comparator, threshold, upper, TargetSpec.ThresholdUnit.PERCENT),
                new BigDecimal(value), false, OVER, FROM_A_QUARTER);
    }

    @ParameterizedTest
    @CsvSource({
            "GTE, 95, , 95, MET", "GTE, 95, , 94.99, NOT_MET",
            "GT, 90, , 90, NOT_MET", "GT, 90, , 90.01, MET",
            "EQ, 100, , 100.00, MET", "EQ, 100, , 99.5, NOT_MET",
            "LTE, 5, , 5, MET", "LTE, 5, , 6, NOT_MET",
            "LT, 5, , 5, NOT_MET", "LT, 5, , 4, MET",
            "BETWEEN, 1, 2, 1, MET", "BETWEEN, 1, 2, 2, MET", "BETWEEN, 1, 2, 3, NOT_MET", "BETWEEN, 1, 2, 0, NOT_MET"})
    void eachComparatorJudgesAFinishedPeriod(TargetSpec.Comparator comparator, String threshold, String upper, String value,
            AttainmentStatus expected) {
        assertThat(finalStatus(comparator, threshold, upper, value)).isEqualTo(expected);
    }

    @Test
    void noValueIsNoData() {
        assertThat(AttainmentRules.status(target(TargetSpec.Comparator.GTE, "95", null, TargetSpec.ThresholdUnit.PERCENT),
                null, false, OVER, FROM_A_QUARTER)).isEqualTo(AttainmentStatus.NO_DATA);
    }

    @Test
    void theElapsedShareCountsDaysInclusive() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate end = LocalDate.of(2025, 12, 31);
        assertThat(AttainmentRules.elapsedShare(start, end, LocalDate.of(2024, 12, 31))).isEqualByComparingTo("0");
        assertThat(AttainmentRules.elapsedShare(start, end, LocalDate.of(2025, 7, 1))).isEqualByComparingTo("0.4986");
        assertThat(AttainmentRules.elapsedShare(start, end, end)).isEqualByComparingTo("1");
        assertThat(AttainmentRules.elapsedShare(start, end, LocalDate.of(2026, 3, 1))).isEqualByComparingTo("1");
    }

    @Test
    void midYearACountIsProRatedForTheElapsedShare() {
        TargetSpec fourSessions = target(TargetSpec.Comparator.GTE, "4", null, TargetSpec.ThresholdUnit.COUNT);
        BigDecimal half = new BigDecimal("0.5");
        // 1 session by mid-year projects to 2 < 4: at risk
        assertThat(AttainmentRules.status(fourSessions, new BigDecimal("1"), true, half, FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.AT_RISK);
        // 2 by mid-year projects to 4: on pace, not met yet
        assertThat(AttainmentRules.status(fourSessions, new BigDecimal("2"), true, half, FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.NOT_MET);
        // 4 already: met
        assertThat(AttainmentRules.status(fourSessions, new BigDecimal("4"), true, half, FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.MET);
        // too early to judge the pace: not met, not at risk
        assertThat(AttainmentRules.status(fourSessions, BigDecimal.ZERO, true, new BigDecimal("0.1"), FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.NOT_MET);
        // the year is over: 3 is simply not met
        assertThat(AttainmentRules.status(fourSessions, new BigDecimal("3"), true, OVER, FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.NOT_MET);
    }

    @Test
    void midYearARateIsItsOwnProjection() {
        TargetSpec enrolment = target(TargetSpec.Comparator.GTE, "95", null, TargetSpec.ThresholdUnit.PERCENT);
        BigDecimal half = new BigDecimal("0.5");
        assertThat(AttainmentRules.status(enrolment, new BigDecimal("60"), false, half, FROM_A_QUARTER))
                .as("a rate is not divided by the elapsed share").isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(AttainmentRules.status(enrolment, new BigDecimal("96"), false, half, FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.MET);
    }

    @Test
    void anUpperLimitOnACountIsAtRiskWhenItsPaceWouldBreakIt() {
        TargetSpec atMostTen = target(TargetSpec.Comparator.LTE, "10", null, TargetSpec.ThresholdUnit.COUNT);
        assertThat(AttainmentRules.status(atMostTen, new BigDecimal("6"), true, new BigDecimal("0.5"), FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(AttainmentRules.status(atMostTen, new BigDecimal("4"), true, new BigDecimal("0.5"), FROM_A_QUARTER))
                .isEqualTo(AttainmentStatus.MET);
    }

    @Test
    void aTargetForEveryUnitIsTheShareOfUnitsMeetingIt() {
        List<AttainmentStatus> units = List.of(AttainmentStatus.MET, AttainmentStatus.MET, AttainmentStatus.NOT_MET,
                AttainmentStatus.NO_DATA);
        assertThat(AttainmentRules.shareMet(units)).isEqualByComparingTo("50");
        assertThat(AttainmentRules.everyUnit(units, OVER)).isEqualTo(AttainmentStatus.NOT_MET);
        assertThat(AttainmentRules.everyUnit(List.of(AttainmentStatus.MET, AttainmentStatus.MET), OVER))
                .isEqualTo(AttainmentStatus.MET);
        assertThat(AttainmentRules.everyUnit(List.of(AttainmentStatus.MET, AttainmentStatus.AT_RISK), new BigDecimal("0.5")))
                .isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(AttainmentRules.everyUnit(List.of(AttainmentStatus.NO_DATA, AttainmentStatus.NO_DATA), OVER))
                .isEqualTo(AttainmentStatus.NO_DATA);
        assertThat(AttainmentRules.everyUnit(List.of(), OVER)).isEqualTo(AttainmentStatus.NO_DATA);
        assertThat(AttainmentRules.shareMet(List.of())).isNull();
    }

    @Test
    void aByDateTargetIsJudgedOnTheLatestPeriodUpToItsDate() {
        TargetSpec by2025 = new TargetSpec("T10", "EXEMPLARY_RESIDENTIAL_AREA_RATE", TargetSpec.Comparator.GT,
                new BigDecimal("50"), null, TargetSpec.ThresholdUnit.PERCENT, List.of(), List.of(),
                new TargetPeriod(TargetPeriod.Type.BY_DATE, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31)), null);
        assertThat(Attainment.judgedPeriod(by2025, null, LocalDate.of(2026, 11, 23))).isEqualTo("2025");
        assertThat(Attainment.judgedPeriod(by2025, null, LocalDate.of(2023, 5, 1))).isEqualTo("2023");
        assertThat(Attainment.judgedPeriod(by2025, "2027", LocalDate.of(2026, 11, 23))).isEqualTo("2025");
        assertThat(Attainment.judgedPeriod(by2025, "2024H2", LocalDate.of(2026, 11, 23))).isEqualTo("2024H2");
        TargetSpec yearly = target(TargetSpec.Comparator.GTE, "1", null, TargetSpec.ThresholdUnit.COUNT);
        assertThat(Attainment.judgedPeriod(yearly, null, LocalDate.of(2026, 11, 23))).isEqualTo("2026");
        assertThat(AttainmentChanges.periods(yearly, LocalDate.of(2026, 11, 23))).containsExactly("2025", "2026");
        assertThat(AttainmentChanges.periods(by2025, LocalDate.of(2026, 11, 23))).containsExactly("2025");
    }
}
