package org.danvan.web.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueChartTest {

    @Test
    void theChartRunsOverThePeriodsOfTheSameKindEndingWithTheOneAskedForAcrossYears() {
        assertThat(Periods.parse("2026Q1").series(4).stream().map(Periods::toString)).containsExactly("2025Q2", "2025Q3", "2025Q4", "2026Q1");
        assertThat(Periods.parse("2026H1").series(3).stream().map(Periods::toString)).containsExactly("2025H1", "2025H2", "2026H1");
        assertThat(Periods.parse("2026").series(2).stream().map(Periods::toString)).containsExactly("2025", "2026");
        assertThat(Periods.parse("2026H3")).as("no third half").isNull();
        assertThat(Periods.parse("2026q2").end()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void thePickerOffersThePeriodsBegunThisYearAndLastYearsTheLatestFirst() {
        assertThat(Periods.choices(LocalDate.of(2026, 5, 20)).stream().map(Periods::toString)).containsExactly(
                "2026", "2026H1", "2026Q2", "2026Q1", "2025", "2025H2", "2025H1", "2025Q4", "2025Q3", "2025Q2", "2025Q1");
    }

    @Test
    void aMissingValueBreaksTheLineAndThePercentScaleTopsAtAHundred() {
        List<Periods> periods = Periods.parse("2026").series(4);
        ValueChart chart = ValueChart.of(periods, Arrays.asList(entry("80"), entry("90"), null, entry("97")), new BigDecimal("95"), true);

        assertThat(chart.top()).isEqualByComparingTo("100");
        assertThat(chart.lines()).as("two runs of values around the missing one").hasSize(2);
        assertThat(chart.lines().getFirst().split(" ")).hasSize(2);
        assertThat(chart.points().get(2).value()).isNull();
        // 95 of 100 sits 5 % below the top of the plot (16 px) over its 164 px height
        assertThat(chart.thresholdY()).isEqualTo(24.2);
        assertThat(chart.points().get(3).y()).isLessThan(chart.thresholdY());
    }

    @Test
    void aCountAboveItsThresholdRaisesTheScale() {
        ValueChart chart = ValueChart.of(Periods.parse("2026").series(1), List.of(entry("200")), new BigDecimal("120"), false);

        assertThat(chart.top()).isEqualByComparingTo("230.00");
        assertThat(chart.lines()).singleElement().asString().isEqualTo("320.0,37.4");
    }

    private static ReportingApi.Entry entry(String value) {
        return new ReportingApi.Entry("X", "X", "Xã", "COMMUNE", new BigDecimal(value), "MET");
    }
}
