package org.danvan.reporting.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    @Test
    void readsYearsHalvesAndQuartersWithTheirBounds() {
        ReportingPeriod half = ReportingPeriod.parse("2025h2").orElseThrow();
        assertThat(half.type()).isEqualTo(PeriodType.SEMIANNUAL);
        assertThat(half.start()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(half.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(half).hasToString("2025H2");

        ReportingPeriod quarter = ReportingPeriod.parse("2024Q1").orElseThrow();
        assertThat(quarter.type()).isEqualTo(PeriodType.QUARTERLY);
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2024, 3, 31));

        ReportingPeriod year = ReportingPeriod.parse("2025").orElseThrow();
        assertThat(year.type()).isEqualTo(PeriodType.ANNUAL);
        assertThat(year.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        assertThat(ReportingPeriod.parse("2025H3")).isEmpty();
        assertThat(ReportingPeriod.parse("2025Q5")).isEmpty();
        assertThat(ReportingPeriod.parse("25H1")).isEmpty();
        assertThat(ReportingPeriod.parse("6 tháng đầu năm")).isEmpty();
        assertThat(ReportingPeriod.parse(null)).isEmpty();
    }
}
