package org.danvan.feedback.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * Which steps each status allows, per kind. A complaint reopened after its first round goes to a second
 * round at the next authority; after the second round only the courts remain, so it cannot be reopened.
 * Nothing open can be closed: a case is closed only after it was resolved, explained with a roadmap or
 * refused with reasons.
 */
final class CaseLifecycle {

    private CaseLifecycle() {
    }

    static List<String> allowed(CaseKind kind, CaseStatus status, int round) {
        List<String> actions = new ArrayList<>(switch (status) {
            case RECEIVED -> List.of("accept", "refuse", "assign", "merge");
            case ACCEPTED -> List.of("assign", "start", "extend", "resolve", "explain", "merge");
            case ASSIGNED -> List.of("assign", "start", "extend", "resolve", "explain");
            case IN_PROGRESS -> List.of("assign", "extend", "resolve", "explain");
            case RESOLVED, EXPLAINED -> List.of("close", "reopen");
            case REFUSED -> List.of("close");
            case CLOSED -> List.of("reopen");
            case MERGED -> List.of();
        });
        if (kind == CaseKind.COMPLAINT && round >= 2) {
            actions.remove("reopen");
        }
        if (status == CaseStatus.EXPLAINED) {
            actions.add("roadmap");
        }
        return List.copyOf(actions);
    }

    static boolean allows(CaseKind kind, CaseStatus status, int round, String action) {
        return allowed(kind, status, round).contains(action);
    }
}
