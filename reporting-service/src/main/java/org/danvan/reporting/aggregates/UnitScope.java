package org.danvan.reporting.aggregates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.danvan.contracts.unit.ParentLink;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Who may see which unit's figures: a user acts on the subtree of their unit ({@code unit_id}) in today's
 * tree, as reporting-service knows it from the unit topic, and on the history of every unit that subtree
 * absorbed (a unit closed into a successor, and what lay below it then); operators on everything. Out of
 * scope reads as not found, so a cadre cannot even learn that another commune's report exists.
 */
@Service
public class UnitScope {

    /** Roles that read reports and figures. */
    public static final List<String> READERS = List.of(Roles.CADRE, Roles.REVIEWER, Roles.CONFIDENTIAL_HANDLER, Roles.OPERATOR);

    private final MongoTemplate mongo;

    private final Clock clock;

    UnitScope(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void requireRole(Caller caller, List<String> roles) {
        if (!caller.hasAny(roles.toArray(String[]::new))) {
            throw new ForbiddenException(roles);
        }
    }

    /** Whether the caller may act on {@code unitId}: an operator, or the unit is theirs or below theirs today. */
    public boolean covers(Caller caller, String unitId) {
        return caller.has(Roles.OPERATOR) || isWithin(unitId, caller.unitId());
    }

    /** Requires one of {@code roles} and {@code unitId} in the caller's subtree; otherwise the resource is not found. */
    public void require(Caller caller, String unitId, List<String> roles, String resource, String id) {
        requireRole(caller, roles);
        if (!covers(caller, unitId)) {
            throw new ResourceNotFoundException(resource, id);
        }
    }

    /** The unit ids the caller's reads are limited to, or empty for an operator (everything). */
    public Optional<Set<String>> limits(Caller caller) {
        requireRole(caller, READERS);
        if (caller.has(Roles.OPERATOR)) {
            return Optional.empty();
        }
        return Optional.of(caller.unitId() == null ? Set.of() : subtree(caller.unitId()));
    }

    /**
     * Whether {@code unitId} is {@code ancestorId} or lies below it in today's tree. A closed unit lies where
     * its successor does (a merge), or where its parent was the day before it closed; so whoever holds the
     * successor, or the old parent, today also holds the closed unit's history.
     */
    public boolean isWithin(String unitId, String ancestorId) {
        if (unitId == null || ancestorId == null) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> seen = new HashSet<>();
        String current = unitId;
        while (current != null && seen.add(current)) {
            if (current.equals(ancestorId)) {
                return true;
            }
            UnitTreeDocument unit = mongo.findById(current, UnitTreeDocument.class);
            current = unit == null ? null : above(unit, today);
        }
        return false;
    }

    /**
     * Whether the caller may see a directive, by directive-service's rule: an operator; or its issuer lies in the
     * caller's subtree; or one of its recipients lies in the caller's line (the caller's subtree or a unit above
     * it: a directive sent to the province reaches its communes' staff).
     */
    public boolean seesDirective(Caller caller, String issuerUnitId, Collection<String> recipients) {
        if (caller.has(Roles.OPERATOR)) {
            return true;
        }
        if (caller.unitId() == null) {
            return false;
        }
        return isWithin(issuerUnitId, caller.unitId())
                || recipients.stream().anyMatch(r -> isWithin(r, caller.unitId()) || isWithin(caller.unitId(), r));
    }

    /** {@code rootId} and every unit below it today, with the closed units that lie there by {@link #isWithin}. */
    public Set<String> subtree(String rootId) {
        LocalDate today = LocalDate.now(clock);
        Set<String> ids = new HashSet<>(List.of(rootId));
        addBelow(List.of(rootId), today, ids);
        Set<String> holders = Set.copyOf(ids);
        while (!holders.isEmpty()) {
            Criteria closedHere = Criteria.where("closedOn").lte(today).orOperator(
                    Criteria.where("successorUnitId").in(holders), Criteria.where("parents.parentId").in(holders));
            Set<String> added = new HashSet<>();
            for (UnitTreeDocument unit : mongo.find(Query.query(closedHere), UnitTreeDocument.class)) {
                if (!ids.contains(unit.unitId()) && holders.contains(above(unit, today)) && added.add(unit.unitId())) {
                    addBelow(List.of(unit.unitId()), unit.closedOn().minusDays(1), added);
                }
            }
            added.removeAll(ids);
            ids.addAll(added);
            holders = added;
        }
        return ids;
    }

    /** The unit a unit lies under today: its parent, or for a closed one its successor or its last parent. */
    private static String above(UnitTreeDocument unit, LocalDate today) {
        String parent = parentOn(unit.parents(), today);
        if (parent != null || unit.closedOn() == null || unit.closedOn().isAfter(today)) {
            return parent;
        }
        return unit.successorUnitId() != null ? unit.successorUnitId() : parentOn(unit.parents(), unit.closedOn().minusDays(1));
    }

    /** Adds to {@code ids} every unit below {@code roots} on {@code day}. */
    private void addBelow(Collection<String> roots, LocalDate day, Set<String> ids) {
        Collection<String> frontier = roots;
        while (!frontier.isEmpty()) {
            Criteria link = Criteria.where("parentId").in(frontier).and("validFrom").lte(day)
                    .orOperator(Criteria.where("validTo").is(null), Criteria.where("validTo").gt(day));
            frontier = mongo.find(Query.query(Criteria.where("parents").elemMatch(link)), UnitTreeDocument.class).stream()
                    .filter(u -> frontierContains(u, day, ids)).map(UnitTreeDocument::unitId).filter(ids::add).toList();
        }
    }

    /** The store's element match cannot pin the date range to the same link everywhere; check it here. */
    private static boolean frontierContains(UnitTreeDocument unit, LocalDate day, Set<String> ids) {
        String parent = parentOn(unit.parents(), day);
        return parent != null && ids.contains(parent);
    }

    private static String parentOn(List<ParentLink> parents, LocalDate day) {
        if (parents == null) {
            return null;
        }
        return parents.stream()
                .filter(p -> (p.validFrom() == null || !p.validFrom().isAfter(day)) && (p.validTo() == null || p.validTo().isAfter(day)))
                .map(ParentLink::parentId).findFirst().orElse(null);
    }
}
