package org.danvan.feedback.cases;

import java.util.List;

import org.danvan.support.problem.DanvanProblem;
import org.springframework.http.HttpStatus;

/** The ways a case step can be refused. */
final class CaseProblems {

    private CaseProblems() {
    }

    /** The case's status (and kind and round) do not allow this step; names the steps that are allowed. */
    static final class IllegalTransition extends DanvanProblem {
        IllegalTransition(CaseAction action, CaseStatus status, List<CaseAction> allowed) {
            this(action.wireName(), status, allowed.stream().map(CaseAction::wireName).toList());
        }

        private IllegalTransition(String action, CaseStatus status, List<String> allowed) {
            super(HttpStatus.CONFLICT, "case-illegal-transition", action, status, allowed);
            getBody().setProperty("allowed", allowed);
        }
    }

    /** The deadline rule allows no (further) extension for this kind and complexity. */
    static final class NoExtensionLeft extends DanvanProblem {
        NoExtensionLeft(int used, int allowed) {
            super(HttpStatus.CONFLICT, "case-no-extension-left", used, allowed);
        }
    }

    /** A second round needs an authority above the first round's. */
    static final class NoNextAuthority extends DanvanProblem {
        NoNextAuthority(String unitId) {
            super(HttpStatus.CONFLICT, "case-no-next-authority", unitId);
        }
    }

    /** The tracking code and secret do not match a case. */
    static final class TrackingRefused extends DanvanProblem {
        TrackingRefused() {
            super(HttpStatus.NOT_FOUND, "case-tracking-refused");
        }
    }

    /** Only a case of the same kind and responsible unit that is still being handled can absorb another. */
    static final class MergeRefused extends DanvanProblem {
        MergeRefused(String intoCaseId) {
            super(HttpStatus.CONFLICT, "case-merge-refused", intoCaseId);
        }
    }
}
