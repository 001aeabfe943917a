package org.danvan.feedback.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.danvan.feedback.cases.CaseAction.ACCEPT;
import static org.danvan.feedback.cases.CaseAction.ASSIGN;
import static org.danvan.feedback.cases.CaseAction.CLOSE;
import static org.danvan.feedback.cases.CaseAction.EXPLAIN;
import static org.danvan.feedback.cases.CaseAction.EXTEND;
import static org.danvan.feedback.cases.CaseAction.MERGE;
import static org.danvan.feedback.cases.CaseAction.REFUSE;
import static org.danvan.feedback.cases.CaseAction.REOPEN;
import static org.danvan.feedback.cases.CaseAction.RESOLVE;
import static org.danvan.feedback.cases.CaseAction.ROADMAP;
import static org.danvan.feedback.cases.CaseAction.START;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

class CaseLifecycleTest {

    private static CaseStatus next(CaseKind kind, CaseStatus status, int round, CaseAction action) {
        return CaseLifecycle.next(kind, status, round, action);
    }

    @ParameterizedTest
    @EnumSource(CaseKind.class)
    void everyKindWalksReceivedAcceptedAssignedInProgressResolvedClosed(CaseKind kind) {
        CaseStatus status = CaseStatus.RECEIVED;
        status = next(kind, status, 1, ASSIGN);
        assertThat(status).as("routing before acceptance keeps it received").isEqualTo(CaseStatus.RECEIVED);
        status = next(kind, status, 1, ACCEPT);
        assertThat(status).isEqualTo(CaseStatus.ACCEPTED);
        status = next(kind, status, 1, ASSIGN);
        assertThat(status).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(next(kind, status, 1, ASSIGN)).as("reassigned").isEqualTo(CaseStatus.ASSIGNED);
        status = next(kind, status, 1, START);
        assertThat(status).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(next(kind, status, 1, EXTEND)).isEqualTo(CaseStatus.IN_PROGRESS);
        status = next(kind, status, 1, RESOLVE);
        assertThat(status).isEqualTo(CaseStatus.RESOLVED);
        assertThat(next(kind, status, 1, CLOSE)).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void anExplainedCaseFollowsItsRoadmapUntilClosedOrReopened() {
        CaseStatus explained = next(CaseKind.RECOMMENDATION, CaseStatus.ACCEPTED, 1, EXPLAIN);
        assertThat(explained).isEqualTo(CaseStatus.EXPLAINED);
        assertThat(CaseLifecycle.allowed(CaseKind.RECOMMENDATION, explained, 1)).containsExactly(CLOSE, REOPEN, ROADMAP);
        assertThat(next(CaseKind.RECOMMENDATION, explained, 1, ROADMAP)).isEqualTo(CaseStatus.EXPLAINED);
    }

    @Test
    void aRefusedCaseCanOnlyBeClosedAndAMergedOneNothing() {
        assertThat(next(CaseKind.COMPLAINT, CaseStatus.RECEIVED, 1, REFUSE)).isEqualTo(CaseStatus.REFUSED);
        assertThat(CaseLifecycle.allowed(CaseKind.COMPLAINT, CaseStatus.REFUSED, 1)).containsExactly(CLOSE);
        assertThat(next(CaseKind.REFLECTION, CaseStatus.RECEIVED, 1, MERGE)).isEqualTo(CaseStatus.MERGED);
        assertThat(next(CaseKind.REFLECTION, CaseStatus.ACCEPTED, 1, MERGE)).isEqualTo(CaseStatus.MERGED);
        for (CaseAction action : CaseAction.values()) {
            assertThatThrownBy(() -> next(CaseKind.REFLECTION, CaseStatus.MERGED, 1, action))
                    .isInstanceOf(CaseProblems.IllegalTransition.class);
        }
    }

    @Test
    void nothingOpenIsClosedAndOnlyAReceivedOrAcceptedCaseIsMerged() {
        for (CaseStatus status : EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)) {
            assertThatThrownBy(() -> next(CaseKind.INFORMATION, status, 1, CLOSE))
                    .isInstanceOf(CaseProblems.IllegalTransition.class);
        }
        for (CaseStatus status : EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED)) {
            assertThatThrownBy(() -> next(CaseKind.INFORMATION, status, 1, MERGE))
                    .isInstanceOf(CaseProblems.IllegalTransition.class);
        }
        assertThatThrownBy(() -> next(CaseKind.INFORMATION, CaseStatus.IN_PROGRESS, 1, START))
                .isInstanceOf(CaseProblems.IllegalTransition.class);
    }

    @Test
    void anIllegalStepIsAConflictNamingTheAllowedStepsInOrder() {
        assertThatThrownBy(() -> next(CaseKind.COMPLAINT, CaseStatus.RECEIVED, 1, CLOSE))
                .isInstanceOfSatisfying(CaseProblems.IllegalTransition.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.getBody().getProperties()).containsEntry("allowed", List.of("accept", "refuse", "assign", "merge"));
                });
    }

    @Test
    void aComplaintReopenedAfterItsFirstRoundStartsOverAndAfterItsSecondCannotBeReopened() {
        assertThat(next(CaseKind.COMPLAINT, CaseStatus.RESOLVED, 1, REOPEN)).isEqualTo(CaseStatus.RECEIVED);
        assertThat(next(CaseKind.COMPLAINT, CaseStatus.CLOSED, 1, REOPEN)).isEqualTo(CaseStatus.RECEIVED);
        for (CaseStatus status : EnumSet.of(CaseStatus.RESOLVED, CaseStatus.EXPLAINED, CaseStatus.CLOSED)) {
            assertThat(CaseLifecycle.allowed(CaseKind.COMPLAINT, status, 2)).doesNotContain(REOPEN);
            assertThatThrownBy(() -> next(CaseKind.COMPLAINT, status, 2, REOPEN))
                    .isInstanceOf(CaseProblems.IllegalTransition.class);
        }
        assertThat(CaseLifecycle.allowed(CaseKind.COMPLAINT, CaseStatus.RECEIVED, 2)).containsExactly(ACCEPT, REFUSE, ASSIGN, MERGE);
    }

    @ParameterizedTest
    @EnumSource(value = CaseKind.class, names = "COMPLAINT", mode = EnumSource.Mode.EXCLUDE)
    void otherKindsReopenedGoBackToWorkInAnyRound(CaseKind kind) {
        assertThat(next(kind, CaseStatus.RESOLVED, 1, REOPEN)).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(next(kind, CaseStatus.CLOSED, 2, REOPEN)).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(next(kind, CaseStatus.EXPLAINED, 3, REOPEN)).isEqualTo(CaseStatus.IN_PROGRESS);
    }
}
