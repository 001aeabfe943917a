package org.danvan.directive.units;

import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.ConflictException;
import org.danvan.support.problem.PreconditionFailedException;
import org.springframework.stereotype.Service;

/**
 * Runs the steps of {@link Unit}: load it, let it take the step, write state and event in one versioned
 * write. Closing with a successor is one write on the closed unit too; its children follow through
 * {@link UnitMerges}.
 */
@Service
class UnitChanges {

    private final Units units;
    private final UnitMerges merges;
    private final AggregateWrites writes;
    private final UnitsProperties tree;
    private final Counter registered;
    private final Counter changed;

    UnitChanges(Units units, UnitMerges merges, AggregateWrites writes, UnitsProperties tree, MeterRegistry meters) {
        this.units = units;
        this.merges = merges;
        this.writes = writes;
        this.tree = tree;
        this.registered = Counter.builder("danvan.units.registered").description("Units registered").register(meters);
        this.changed = Counter.builder("danvan.units.changed").description("Units moved, renamed or closed").register(meters);
    }

    UnitView register(UnitRequests.Register request) {
        Unit parent = request.parentId() == null ? null : units.find(request.parentId());
        Unit unit = Unit.register(request, parent, tree);
        try {
            writes.insert(unit);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UnitProblems.DuplicateUnit(request.code());
            }
            throw e;
        }
        registered.increment();
        return unit.view(request.openedOn());
    }

    /** Re-parents a unit from {@code validFrom}; before that date it keeps rolling up along its old parent. */
    UnitView move(String code, UnitRequests.Move request, String ifMatch) {
        Unit unit = load(code, ifMatch);
        Unit parent = units.find(request.newParentId());
        List<String> parentLine = units.ancestors(parent.code, request.validFrom()).stream().map(UnitView::code).toList();
        unit.moveUnder(parent, parentLine, request.validFrom(), tree);
        return changed(unit).view(request.validFrom());
    }

    /** Renames from {@code validFrom}; reads as of earlier dates keep the old name. */
    UnitView rename(String code, UnitRequests.Rename request, String ifMatch) {
        Unit unit = load(code, ifMatch);
        unit.rename(request.name(), request.validFrom());
        return changed(unit).view(request.validFrom());
    }

    /**
     * Closes a unit. With a successor this is a merge: the unit's children open on that date move to the
     * successor from then on, right after the close is written; earlier figures still roll up through it.
     */
    UnitView close(String code, UnitRequests.Close request, String ifMatch) {
        Unit unit = load(code, ifMatch);
        Unit successor = request.successorUnitId() == null ? null : units.find(request.successorUnitId());
        List<Unit> children = successor == null ? List.of() : units.childrenOn(code, request.closedOn());
        unit.close(request.closedOn(), successor, children, tree);
        changed(unit);
        merges.moveChildren(unit);
        return unit.view(request.closedOn().minusDays(1));
    }

    private Unit changed(Unit unit) {
        try {
            writes.update(unit);
        } catch (ConflictException e) {
            // a unit's ETag is its revision, not the store version the write is checked on
            throw new ConflictException(units.find(unit.code).revision);
        }
        changed.increment();
        return unit;
    }

    private Unit load(String code, String ifMatch) {
        Unit unit = units.find(code);
        PreconditionFailedException.check(ifMatch, unit.revision);
        return unit;
    }
}
