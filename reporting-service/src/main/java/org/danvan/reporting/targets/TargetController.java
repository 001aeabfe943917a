package org.danvan.reporting.targets;

import java.util.List;

import org.danvan.reporting.aggregates.UnitScope;
import org.danvan.reporting.catalogue.NotFound;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/targets")
class TargetController {

    private final DirectiveTargets targets;
    private final Attainment attainment;
    private final UnitScope scope;

    TargetController(DirectiveTargets targets, Attainment attainment, UnitScope scope) {
        this.targets = targets;
        this.attainment = attainment;
        this.scope = scope;
    }

    /** Per unit in the target's scope and for the whole: MET, NOT_MET, AT_RISK or NO_DATA for the period. */
    @GetMapping("/{directiveId}/{targetId}/attainment")
    AttainmentView attainment(@PathVariable String directiveId, @PathVariable String targetId,
            @RequestParam(value = "period", required = false) String period) {
        Caller caller = Callers.current();
        scope.requireRole(caller, UnitScope.READERS);
        if (!targets.visibleTo(directiveId, caller)) {
            throw new NotFound("target", directiveId + "/" + targetId);
        }
        AttainmentView view = attainment.evaluate(directiveId, targetId, period);
        List<AttainmentView.Entry> visible = view.units().stream().filter(u -> scope.covers(caller, u.unitId())).toList();
        if (visible.size() == view.units().size()) {
            return view;
        }
        // a caller who sees only part of the target's scope gets their units, never the whole they cannot see
        return new AttainmentView(view.directiveId(), view.directiveNumber(), view.targetId(), view.indicatorCode(),
                view.description(), view.comparator(), view.threshold(), view.upperThreshold(), view.unit(), view.period(),
                view.evaluatedOn(), view.elapsedShare(), view.rule(), null, visible.size(),
                (int) visible.stream().filter(u -> u.status() == AttainmentStatus.MET).count(), visible);
    }

    @GetMapping
    List<TargetView> byDirective(@RequestParam("directive") String directiveId) {
        Caller caller = Callers.current();
        scope.requireRole(caller, UnitScope.READERS);
        return targets.targetsOf(directiveId, caller);
    }
}
