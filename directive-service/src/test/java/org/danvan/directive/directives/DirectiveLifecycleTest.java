package org.danvan.directive.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DirectiveLifecycleTest {

    @Test
    void walksDraftIssuedAmendedAndRevoked() {
        DirectiveStatus status = DirectiveStatus.DRAFT;
        status = DirectiveLifecycle.next(status, DirectiveAction.EDIT);
        assertThat(status).isEqualTo(DirectiveStatus.DRAFT);
        status = DirectiveLifecycle.next(status, DirectiveAction.ISSUE);
        assertThat(status).isEqualTo(DirectiveStatus.ISSUED);
        assertThat(DirectiveLifecycle.next(status, DirectiveAction.ACKNOWLEDGE)).isEqualTo(DirectiveStatus.ISSUED);
        status = DirectiveLifecycle.next(status, DirectiveAction.AMEND);
        assertThat(status).isEqualTo(DirectiveStatus.AMENDED);
        status = DirectiveLifecycle.next(status, DirectiveAction.AMEND);
        assertThat(status).isEqualTo(DirectiveStatus.AMENDED);
        assertThat(DirectiveLifecycle.next(status, DirectiveAction.ACKNOWLEDGE)).isEqualTo(DirectiveStatus.AMENDED);
        assertThat(DirectiveLifecycle.next(status, DirectiveAction.REVOKE)).isEqualTo(DirectiveStatus.REVOKED);
        assertThat(DirectiveLifecycle.next(status, DirectiveAction.SUPERSEDE)).isEqualTo(DirectiveStatus.SUPERSEDED);
        assertThat(DirectiveLifecycle.next(DirectiveStatus.ISSUED, DirectiveAction.EXPIRE)).isEqualTo(DirectiveStatus.EXPIRED);
    }

    @Test
    void anIssuedDirectiveIsNeverEditedOrIssuedAgainAndTheProblemNamesWhatCallersMayDo() {
        for (DirectiveStatus status : List.of(DirectiveStatus.ISSUED, DirectiveStatus.AMENDED)) {
            for (DirectiveAction action : List.of(DirectiveAction.EDIT, DirectiveAction.ISSUE)) {
                assertThatThrownBy(() -> DirectiveLifecycle.next(status, action))
                        .isInstanceOfSatisfying(DirectiveProblems.IllegalTransition.class, problem -> {
                            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                            // expiry is the nightly job's step: never offered to callers
                            assertThat(problem.getBody().getProperties()).containsEntry("allowed",
                                    List.of("amend", "revoke", "supersede", "acknowledge"));
                        });
            }
        }
    }

    @Test
    void aDraftIsOnlyEditedOrIssued() {
        for (DirectiveAction action : List.of(DirectiveAction.AMEND, DirectiveAction.REVOKE, DirectiveAction.SUPERSEDE,
                DirectiveAction.ACKNOWLEDGE, DirectiveAction.EXPIRE)) {
            assertThatThrownBy(() -> DirectiveLifecycle.next(DirectiveStatus.DRAFT, action))
                    .isInstanceOfSatisfying(DirectiveProblems.IllegalTransition.class, problem -> assertThat(
                            problem.getBody().getProperties()).containsEntry("allowed", List.of("edit", "issue")));
        }
    }

    @Test
    void anEndedDirectiveTakesNoStepAtAll() {
        for (DirectiveStatus ended : List.of(DirectiveStatus.REVOKED, DirectiveStatus.SUPERSEDED, DirectiveStatus.EXPIRED)) {
            assertThat(DirectiveLifecycle.allowed(ended)).isEmpty();
            for (DirectiveAction action : DirectiveAction.values()) {
                assertThatThrownBy(() -> DirectiveLifecycle.next(ended, action))
                        .isInstanceOfSatisfying(DirectiveProblems.IllegalTransition.class, problem -> assertThat(
                                problem.getBody().getProperties()).containsEntry("allowed", List.of()));
            }
        }
    }
}
