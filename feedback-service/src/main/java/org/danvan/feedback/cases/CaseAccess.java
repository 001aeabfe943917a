package org.danvan.feedback.cases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.danvan.feedback.units.UnitDirectory;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may read or step which case: a role per need, and the unit scope (a case is in scope when its
 * responsible or area unit lies in the caller's subtree; out of scope reads as not found).
 */
@Component
class CaseAccess {

    static final List<String> STAFF = Need.READ.roles;

    /** What a step needs: reading a case, working on it, or deciding on it, each with its roles. */
    enum Need {
        READ(Roles.CADRE, Roles.REVIEWER, Roles.CONFIDENTIAL_HANDLER),
        WORK(Roles.CADRE, Roles.REVIEWER),
        DECIDE(Roles.REVIEWER);

        final List<String> roles;

        Need(String... roles) {
            this.roles = List.of(roles);
        }
    }

    private final CaseRepository repository;
    private final UnitDirectory units;

    CaseAccess(CaseRepository repository, UnitDirectory units) {
        this.repository = repository;
        this.units = units;
    }

    /**
     * Loads a case for a caller with the need's roles. Reading needs the responsible or the area unit in
     * the caller's subtree (a commune still follows its complaint's second round at the province); any other
     * step needs the responsible unit there. {@code ifMatch}, when given, must be the case's current version.
     */
    Case load(String id, String ifMatch, Caller caller, Need need) {
        requireRole(caller, need.roles);
        Case c = repository.findById(id)
                .filter(found -> need == Need.READ ? inScope(found, caller) : units.isWithin(found.responsibleUnitId, caller.unitId()))
                .orElseThrow(() -> new ResourceNotFoundException("case", id));
        PreconditionFailedException.check(ifMatch, c.storeVersion);
        return c;
    }

    boolean inScope(Case c, Caller caller) {
        return caller.unitId() != null
                && (units.isWithin(c.responsibleUnitId, caller.unitId()) || units.isWithin(c.areaUnitId, caller.unitId()));
    }

    /** The units of the caller's subtree, narrowed to {@code unitId}'s subtree when given; staff only. */
    Set<String> scope(String unitId, Caller caller) {
        requireRole(caller, STAFF);
        Set<String> scope = units.subtree(caller.unitId());
        return unitId == null ? scope : units.subtree(unitId).stream().filter(scope::contains).collect(Collectors.toSet());
    }

    static void requireRole(Caller caller, List<String> roles) {
        if (!caller.hasAny(roles.toArray(String[]::new))) {
            throw new ForbiddenException(roles);
        }
    }
}
