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

    static boolean allows(CaseKind kind, CaseStatus status, int round, CaseAction action) {
        return allowed(kind, status, round).contains(action);
    }
}
