package org.danvan.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CaseQueueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void openCasesComeFirstTheOverdueFirstThenByTheNearestDeadline() {
        CaseViews.StaffCase closed = staffCase("closed", "CLOSED", TODAY.minusDays(30), null, false);
        CaseViews.StaffCase later = staffCase("later", "ACCEPTED", null, TODAY.plusDays(20), false);
        CaseViews.StaffCase sooner = staffCase("sooner", "RECEIVED", TODAY.plusDays(3), null, false);
        CaseViews.StaffCase overdue = staffCase("overdue", "ASSIGNED", null, TODAY.minusDays(1), true);

        List<String> order = Stream.of(closed, later, sooner, overdue).sorted(CaseViews.BY_DEADLINE).map(CaseViews.StaffCase::id).toList();

        assertThat(order).containsExactly("overdue", "sooner", "later", "closed");
    }

    @Test
    void theButtonsAreTheStepsTheApiAllowsNowThatThePageCanAskForAndTheUserMayTake() {
        CaseViews.StaffCase received = new CaseViews.StaffCase("c", "PA-1", "COMPLAINT", 1, "ACCEPTED",
                List.of("assign", "start", "extend", "resolve", "explain", "merge"), "s", "c", "DT-X1", "DT-X1", false,
                TODAY, TODAY, TODAY.plusDays(30), null, false, null, null, null, 3);

        assertThat(received.actionsFor(Set.of("cadre", "reviewer"))).containsExactly("assign", "start", "extend", "resolve", "explain", "merge");
        assertThat(received.actionsFor(Set.of("cadre"))).as("a cadre works a case, a reviewer decides")
                .containsExactly("start", "resolve", "explain");
        assertThat(received.actionsFor(Set.of("confidential-handler"))).isEmpty();
    }

    @Test
    void aRefusalSendsItsReasonAsTheListTheApiWants() {
        StepForm form = new StepForm();
        form.setRefusalReason("NOT_WITHIN_JURISDICTION");
        form.setNote("  ");

        assertThat(form.body("refuse")).containsExactlyEntriesOf(java.util.Map.of("reasons", List.of("NOT_WITHIN_JURISDICTION")));
    }

    @Test
    void anExplanationSendsItsRoadmapWithoutTheSpareRowsSoFieldErrorsNameTheRowsShown() {
        StepForm form = new StepForm();
        form.setExplanation("Cần chờ kinh phí năm sau");
        form.getRoadmap().getFirst().setDescription("Khảo sát hiện trạng");
        form.getRoadmap().getFirst().setDueOn(TODAY.plusDays(30));
        form.addRoadmapRow();
        form.addRoadmapRow();
        form.getRoadmap().get(2).setDescription("Sửa đường");

        form.dropSpareRoadmapRows();

        assertThat(form.body("explain")).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("explanation", "Cần chờ kinh phí năm sau",
                "roadmap", List.of(java.util.Map.of("description", "Khảo sát hiện trạng", "dueOn", "2026-04-09"),
                        java.util.Map.of("description", "Sửa đường"))));
    }

    @Test
    void aDenouncersIdentityIsOfferedOnlyToAConfidentialCaseHandlerAndNeverForAnAnonymousFiling() {
        CaseViews.StaffCase denunciation = new CaseViews.StaffCase("d", "PA-2", "DENUNCIATION", 1, "ACCEPTED", List.of(), "s", "c",
                "DT-X1", "DT-X1", false, TODAY, TODAY, TODAY.plusDays(30), null, false, null, null, null, 1);
        CaseViews.StaffCase complaint = new CaseViews.StaffCase("c", "PA-3", "COMPLAINT", 1, "ACCEPTED", List.of(), "s", "c",
                "DT-X1", "DT-X1", false, TODAY, TODAY, TODAY.plusDays(30), null, false, null, null, null, 1);
        CaseViews.StaffCase anonymous = new CaseViews.StaffCase("i", "PA-4", "INFORMATION", 1, "ACCEPTED", List.of(), "s", "c",
                "DT-X1", "DT-X1", true, TODAY, TODAY, TODAY.plusDays(30), null, false, null, null, null, 1);

        assertThat(denunciation.identityOfferedTo(Set.of("cadre", "reviewer"))).isFalse();
        assertThat(denunciation.identityOfferedTo(Set.of("confidential-handler"))).isTrue();
        assertThat(complaint.identityOfferedTo(Set.of("cadre"))).isTrue();
        assertThat(anonymous.identityOfferedTo(Set.of("confidential-handler", "reviewer"))).isFalse();
    }

    private static CaseViews.StaffCase staffCase(String id, String status, LocalDate acceptanceDueOn, LocalDate dueOn, boolean overdue) {
        return new CaseViews.StaffCase(id, "PA-" + id, "RECOMMENDATION", 1, status, List.of(), id, id, "DT-X1", "DT-X1", false,
                TODAY.minusDays(40), acceptanceDueOn, dueOn, null, overdue, List.of(), List.of(), List.of(), 0);
    }
}
