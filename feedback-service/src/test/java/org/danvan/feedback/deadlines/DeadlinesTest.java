package org.danvan.feedback.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.danvan.feedback.calendar.HolidayCalendar;
import org.danvan.feedback.calendar.OfficialSchedule;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Deadline arithmetic on the shipped rules and holiday calendar. */
class DeadlinesTest {

    private final HolidayCalendar calendar = new HolidayCalendar(
            shipped().bind("danvan.calendar.official-schedules", Bindable.listOf(OfficialSchedule.class)).get());
    private final Deadlines deadlines = new Deadlines(shippedProperties(), calendar);

    static DeadlineProperties shippedProperties() {
        return shipped().bind("danvan.cases.deadlines", DeadlineProperties.class).get();
    }

    /** The service's own application.yml, as the service binds it. */
    static Binder shipped() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tenWorkingDaysToAcceptAComplaintSkipTheNineDaysOfTet2026() {
        // Thu 12/2/2026: Fri 13/2 is day 1, 14–22/2 is Tết, days 2–6 are 23–27/2, days 7–10 are 2–5/3
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.ACCEPTANCE, 1, Complexity.NORMAL, false, LocalDate.of(2026, 2, 12)))
                .isEqualTo(LocalDate.of(2026, 3, 5));
        // the same ten working days in an ordinary fortnight
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.ACCEPTANCE, 1, Complexity.NORMAL, false, LocalDate.of(2026, 3, 12)))
                .isEqualTo(LocalDate.of(2026, 3, 26));
    }

    @Test
    void sevenWorkingDaysToAcceptADenunciationFiledOnTheEveOfTet2025() {
        // Fri 24/1/2025: 25/1–2/2 off, then Mon 3/2 … Tue 11/2 is the seventh working day
        assertThat(deadlines.due("DENUNCIATION", DeadlineStep.ACCEPTANCE, 1, Complexity.NORMAL, false, LocalDate.of(2025, 1, 24)))
                .isEqualTo(LocalDate.of(2025, 2, 11));
    }

    @Test
    void aCalendarDayLimitEndingOnADayOffMovesToTheNextWorkingDay() {
        // 30 days from Thu 12/2/2026 is Sat 14/3 → Mon 16/3
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.NORMAL, false, LocalDate.of(2026, 2, 12)))
                .isEqualTo(LocalDate.of(2026, 3, 16));
        // 30 days from 19/1/2026 is Wed 18/2, inside Tết → Mon 23/2
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.NORMAL, false, LocalDate.of(2026, 1, 19)))
                .isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    void complaintVariantsForComplexCasesRemoteAreasAndTheSecondRound() {
        LocalDate accepted = LocalDate.of(2026, 6, 1);
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.COMPLEX, false, accepted)).isEqualTo(LocalDate.of(2026, 7, 16));
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.NORMAL, true, accepted)).isEqualTo(LocalDate.of(2026, 7, 16));
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.COMPLEX, true, accepted)).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 2, Complexity.NORMAL, false, accepted)).isEqualTo(LocalDate.of(2026, 7, 16));
        // 1/6 + 70 = Mon 10/8
        assertThat(deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 2, Complexity.VERY_COMPLEX, true, accepted)).isEqualTo(LocalDate.of(2026, 8, 10));
    }

    @Test
    void denunciationsGetOneExtensionWhenComplexTwoWhenVeryComplexNoneOtherwise() {
        LocalDate due = LocalDate.of(2026, 7, 1);
        assertThat(deadlines.extended("DENUNCIATION", 1, Complexity.NORMAL, 0, due)).isEmpty();
        assertThat(deadlines.extended("DENUNCIATION", 1, Complexity.COMPLEX, 0, due)).contains(LocalDate.of(2026, 7, 31));
        assertThat(deadlines.extended("DENUNCIATION", 1, Complexity.COMPLEX, 1, due)).isEmpty();
        assertThat(deadlines.extended("DENUNCIATION", 1, Complexity.VERY_COMPLEX, 1, LocalDate.of(2026, 7, 31)))
                .contains(LocalDate.of(2026, 8, 31));
        assertThat(deadlines.extended("DENUNCIATION", 1, Complexity.VERY_COMPLEX, 2, LocalDate.of(2026, 8, 31))).isEmpty();
    }

    @Test
    void aChangedRuleAppliesOnlyToDeadlinesComputedAfterIt() {
        DeadlineProperties shipped = shippedProperties();
        LocalDate before = deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.NORMAL, false, LocalDate.of(2026, 6, 1));
        var changed = shipped.rules().stream().map(r -> r.kind().equals("COMPLAINT") && r.step() == DeadlineStep.RESOLUTION
                ? new DeadlineProperties.Rule(r.kind(), r.legalSource(), r.step(), r.round(), 20, null, null, null, true, null, null) : r).toList();
        Deadlines amended = new Deadlines(new DeadlineProperties(changed), calendar);
        assertThat(amended.due("COMPLAINT", DeadlineStep.RESOLUTION, 1, Complexity.NORMAL, false, LocalDate.of(2026, 6, 1)))
                .isEqualTo(LocalDate.of(2026, 6, 29));
        assertThat(before).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aDeadlineInAYearWithoutItsOfficialScheduleFollowsTheComputedTetAndIsProvisional() {
        // a second-round complaint, remote and complex, accepted on 29/11/2026: 70 days is Sun 7/2/2027, then
        // Mon 8/2 is the third day of Tết Đinh Mùi (Tết 6/2, off 5–9/2 plus 10–11/2 for the days on the weekend)
        LocalDate accepted = LocalDate.of(2026, 11, 29);
        LocalDate due = deadlines.due("COMPLAINT", DeadlineStep.RESOLUTION, 2, Complexity.COMPLEX, true, accepted);
        assertThat(due).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThat(deadlines.isProvisional(accepted, due)).isTrue();
        assertThat(deadlines.isProvisional(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1))).isFalse();
    }

    @Test
    void everyRuleNamesItsLegalSource() {
        assertThat(shippedProperties().rules())
                .allSatisfy(rule -> assertThat(rule.legalSource()).matches("Luật .+ \\d{4}, Điều \\d+"));
    }
}
