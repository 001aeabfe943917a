package org.danvan.directive.units;

import java.util.List;

import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.security.Callers;
import org.danvan.support.security.Roles;

/** The unit tree is administered by operators; every signed-in user may read it. */
final class UnitAdministration {

    private UnitAdministration() {
    }

    static void requireOperator() {
        if (!Callers.current().has(Roles.OPERATOR)) {
            throw new ForbiddenException(List.of(Roles.OPERATOR));
        }
    }
}
