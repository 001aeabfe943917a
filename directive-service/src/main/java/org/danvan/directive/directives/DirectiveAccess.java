package org.danvan.directive.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.danvan.directive.units.Units;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which directive, by role and by the caller's unit ({@code unit_id}) in today's
 * tree. A directive is visible to the units in its issuer's subtree and to the line (subtree and
 * ancestors) of each recipient: a commune sees what its district sent to it or to all communes, not what a
 * neighbouring commune issued. Drafting needs cadre or reviewer, issuing, amending and revoking need
 * reviewer, both for an issuer in the caller's subtree. Operators administer the whole platform.
 */
@Component
class DirectiveAccess {

    static final List<String> READERS = List.of(Roles.CADRE, Roles.REVIEWER, Roles.CONFIDENTIAL_HANDLER, Roles.OPERATOR);
    static final List<String> DRAFTERS = List.of(Roles.CADRE, Roles.REVIEWER, Roles.OPERATOR);
    static final List<String> DECIDERS = List.of(Roles.REVIEWER, Roles.OPERATOR);

    private final Units units;

    private final Clock clock;

    DirectiveAccess(Units units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    void requireRole(Caller caller, List<String> roles) {
        if (!caller.hasAny(roles.toArray(String[]::new))) {
            throw new ForbiddenException(roles);
        }
    }

    /** The caller may act for {@code issuerUnitId}: it is their unit or below it. */
    void requireIssuer(Caller caller, String issuerUnitId, List<String> roles) {
        requireRole(caller, roles);
        if (!caller.has(Roles.OPERATOR) && !units.isWithin(issuerUnitId, caller.unitId(), LocalDate.now(clock))) {
            throw new ForbiddenException(roles);
        }
    }

    /** Returns the directive if the caller may see it; otherwise it does not exist for them. */
    DirectiveView visible(Caller caller, DirectiveView directive) {
        requireRole(caller, READERS);
        if (caller.has(Roles.OPERATOR) || caller.unitId() == null) {
            if (caller.has(Roles.OPERATOR)) {
                return directive;
            }
            throw new ResourceNotFoundException("directive", directive.id());
        }
        LocalDate today = LocalDate.now(clock);
        boolean issuedWithin = units.isWithin(directive.content().issuerUnitId(), caller.unitId(), today);
        Set<String> line = units.lineOf(caller.unitId(), today);
        if (issuedWithin || directive.recipients().stream().anyMatch(line::contains)) {
            return directive;
        }
        throw new ResourceNotFoundException("directive", directive.id());
    }

    /** The same rule as a query criterion, or null when the caller sees everything. */
    Criteria visibility(Caller caller) {
        requireRole(caller, READERS);
        if (caller.has(Roles.OPERATOR)) {
            return null;
        }
        if (caller.unitId() == null) {
            return Criteria.where("_id").in(List.of());
        }
        LocalDate today = LocalDate.now(clock);
        return new Criteria().orOperator(
                Criteria.where("content.issuerUnitId").in(units.subtreeOf(caller.unitId(), today)),
                Criteria.where("recipients").in(units.lineOf(caller.unitId(), today)));
    }
}
