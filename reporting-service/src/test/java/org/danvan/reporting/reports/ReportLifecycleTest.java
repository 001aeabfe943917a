package org.danvan.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ReportLifecycleTest {

    @Test
    void walksDraftSubmittedReturnedSubmittedAcceptedRevised() {
        ReportStatus status = ReportStatus.DRAFT;
        status = ReportLifecycle.next(status, ReportAction.EDIT);
        assertThat(status).isEqualTo(ReportStatus.DRAFT);
        status = ReportLifecycle.next(status, ReportAction.SUBMIT);
        assertThat(status).isEqualTo(ReportStatus.SUBMITTED);
        status = ReportLifecycle.next(status, ReportAction.RETURN);
        assertThat(status).isEqualTo(ReportStatus.RETURNED);
        status = ReportLifecycle.next(status, ReportAction.EDIT);
        status = ReportLifecycle.next(status, ReportAction.SUBMIT);
        assertThat(status).isEqualTo(ReportStatus.SUBMITTED);
        status = ReportLifecycle.next(status, ReportAction.ACCEPT);
        assertThat(status).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(ReportLifecycle.next(status, ReportAction.REVISE)).isEqualTo(ReportStatus.ACCEPTED);
    }

    @Test
    void anAcceptedReportIsLockedExceptForRevision() {
        for (ReportAction action : List.of(ReportAction.EDIT, ReportAction.SUBMIT, ReportAction.RETURN, ReportAction.ACCEPT)) {
            assertThatThrownBy(() -> ReportLifecycle.next(ReportStatus.ACCEPTED, action))
                    .isInstanceOfSatisfying(ReportProblems.IllegalTransition.class, problem -> {
                        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(problem.getBody().getProperties()).containsEntry("allowed", List.of("revise"));
                    });
        }
    }

    @Test
    void onlyASubmittedReportIsReturnedOrAcceptedAndADraftIsNeverRevised() {
        for (ReportStatus status : List.of(ReportStatus.DRAFT, ReportStatus.RETURNED)) {
            assertThatThrownBy(() -> ReportLifecycle.next(status, ReportAction.ACCEPT))
                    .isInstanceOf(ReportProblems.IllegalTransition.class);
            assertThatThrownBy(() -> ReportLifecycle.next(status, ReportAction.RETURN))
                    .isInstanceOf(ReportProblems.IllegalTransition.class);
            assertThatThrownBy(() -> ReportLifecycle.next(status, ReportAction.REVISE))
                    .isInstanceOf(ReportProblems.IllegalTransition.class);
        }
        assertThatThrownBy(() -> ReportLifecycle.next(ReportStatus.SUBMITTED, ReportAction.EDIT))
                .isInstanceOfSatisfying(ReportProblems.IllegalTransition.class, problem -> assertThat(
                        problem.getBody().getProperties()).containsEntry("allowed", List.of("return", "accept")));
        assertThatThrownBy(() -> ReportLifecycle.next(ReportStatus.SUBMITTED, ReportAction.SUBMIT))
                .isInstanceOf(ReportProblems.IllegalTransition.class);
    }
}
