package org.danvan.feedback.cases;

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
import java.util.Set;

/**
 * Which steps each status allows, per kind. A complaint reopened after its first round goes to a second
 * round at the next authority; after the second round only the courts remain, so it cannot be reopened.
 * Nothing open can be closed: a case is closed only after it was resolved, explained with a roadmap or
 * refused with reasons.
 */
final class CaseLifecycle {

    private CaseLifecycle() {
    }

    /** The allowed steps, in {@link CaseAction} order. */
    static List<CaseAction> allowed(CaseKind kind, CaseStatus status, int round) {
        Set<CaseAction> actions = switch (status) {
            case RECEIVED -> EnumSet.of(ACCEPT, REFUSE, ASSIGN, MERGE);
            case ACCEPTED -> EnumSet.of(ASSIGN, START, EXTEND, RESOLVE, EXPLAIN, MERGE);
            case ASSIGNED -> EnumSet.of(ASSIGN, START, EXTEND, RESOLVE, EXPLAIN);
            case IN_PROGRESS -> EnumSet.of(ASSIGN, EXTEND, RESOLVE, EXPLAIN);
            case RESOLVED -> EnumSet.of(CLOSE, REOPEN);
            case EXPLAINED -> EnumSet.of(CLOSE, REOPEN, ROADMAP);
            case REFUSED -> EnumSet.of(CLOSE);
            case CLOSED -> EnumSet.of(REOPEN);
            case MERGED -> EnumSet.noneOf(CaseAction.class);
        };
        if (kind == CaseKind.COMPLAINT && round >= 2) {
            actions.remove(REOPEN);
        }
        return List.copyOf(actions);
    }

    /** The status a step leads to; a step the status does not allow is refused, naming the allowed ones. */
    static CaseStatus next(CaseKind kind, CaseStatus status, int round, CaseAction action) {
        List<CaseAction> allowed = allowed(kind, status, round);
        if (!allowed.contains(action)) {
            throw new CaseProblems.IllegalTransition(action, status, allowed);
        }
        return switch (action) {
            case ACCEPT -> CaseStatus.ACCEPTED;
            case REFUSE -> CaseStatus.REFUSED;
            // reassignment keeps the status; the first assignment after acceptance marks it assigned
            case ASSIGN -> status == CaseStatus.ACCEPTED ? CaseStatus.ASSIGNED : status;
            case START -> CaseStatus.IN_PROGRESS;
            case EXTEND, ROADMAP -> status;
            case RESOLVE -> CaseStatus.RESOLVED;
            case EXPLAIN -> CaseStatus.EXPLAINED;
            case CLOSE -> CaseStatus.CLOSED;
            // a reopened complaint starts its second round at the next authority, to be accepted again
            case REOPEN -> kind == CaseKind.COMPLAINT ? CaseStatus.RECEIVED : CaseStatus.IN_PROGRESS;
            case MERGE -> CaseStatus.MERGED;
        };
    }
}
