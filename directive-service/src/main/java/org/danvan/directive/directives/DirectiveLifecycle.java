package org.danvan.directive.directives;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * draft → issued → amended (any number of times) → revoked, superseded or expired. A draft is edited in
 * place; an issued directive changes only by amendment, and its recipients acknowledge it while it is in force.
 */
final class DirectiveLifecycle {

    private static final List<DirectiveAction> IN_FORCE = List.of(DirectiveAction.AMEND, DirectiveAction.REVOKE,
            DirectiveAction.SUPERSEDE, DirectiveAction.ACKNOWLEDGE, DirectiveAction.EXPIRE);

    private static final Map<DirectiveStatus, List<DirectiveAction>> ALLOWED = new EnumMap<>(Map.of(
            DirectiveStatus.DRAFT, List.of(DirectiveAction.EDIT, DirectiveAction.ISSUE),
            DirectiveStatus.ISSUED, IN_FORCE,
            DirectiveStatus.AMENDED, IN_FORCE,
            DirectiveStatus.REVOKED, List.of(),
            DirectiveStatus.SUPERSEDED, List.of(),
            DirectiveStatus.EXPIRED, List.of()));

    private DirectiveLifecycle() {
    }

    static List<DirectiveAction> allowed(DirectiveStatus status) {
        return ALLOWED.get(status);
    }

    /** The status after {@code action}, or a 409 naming what callers may do in the current status. */
    static DirectiveStatus next(DirectiveStatus status, DirectiveAction action) {
        if (!allowed(status).contains(action)) {
            throw new DirectiveProblems.IllegalTransition(action, status,
                    allowed(status).stream().filter(DirectiveAction::offeredToCallers).toList());
        }
        return switch (action) {
            case EDIT, ACKNOWLEDGE -> status;
            case ISSUE -> DirectiveStatus.ISSUED;
            case AMEND -> DirectiveStatus.AMENDED;
            case REVOKE -> DirectiveStatus.REVOKED;
            case SUPERSEDE -> DirectiveStatus.SUPERSEDED;
            case EXPIRE -> DirectiveStatus.EXPIRED;
        };
    }
}
