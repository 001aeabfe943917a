package org.danvan.reporting.targets;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** How many periods one call may judge: a dashboard's chart asks for a handful. */
    static final int MAX_PERIODS = 12;

    /** Per unit in the target's scope and for the whole: MET, NOT_MET, AT_RISK or NO_DATA for the period. */
    @GetMapping("/{directiveId}/{targetId}/attainment")
    AttainmentView attainment(@PathVariable String directiveId, @PathVariable String targetId,
            @RequestParam(value = "period", required = false) String period) {
        Caller caller = Callers.current();
        requireVisible(directiveId, targetId, caller);
        return narrowed(attainment.evaluate(directiveId, targetId, period), scope.limits(caller), Optional.empty());
    }

    /**
     * The same judgement for each period asked ({@code period} repeated, in that order: a chart's series in one
     * call), of the units at and below {@code unit} when it is given (a drill-down's unit, which must be the
     * caller's or below it); the whole only when none of the target's units is left out.
     */
    @GetMapping("/{directiveId}/{targetId}/attainments")
    List<AttainmentView> attainments(@PathVariable String directiveId, @PathVariable String targetId,
            @RequestParam("period") List<String> periods, @RequestParam(value = "unit", required = false) String unit) {
        Caller caller = Callers.current();
        if (periods.isEmpty() || periods.size() > MAX_PERIODS) {
            throw new AttainmentProblems.PeriodCount(periods.size(), MAX_PERIODS);
        }
        requireVisible(directiveId, targetId, caller);
        if (unit != null) {
            scope.require(caller, unit, UnitScope.READERS, "unit", unit);
        }
        Optional<Set<String>> limits = scope.limits(caller);
        // the caller's own unit narrows nothing the limits do not
        Optional<Set<String>> below = Optional.ofNullable(unit).filter(u -> !u.equals(caller.unitId())).map(scope::subtree);
        return periods.stream().map(p -> narrowed(attainment.evaluate(directiveId, targetId, p), limits, below)).toList();
    }

    private void requireVisible(String directiveId, String targetId, Caller caller) {
        scope.requireRole(caller, UnitScope.READERS);
        if (!targets.visibleTo(directiveId, caller)) {
            throw new NotFound("target", directiveId + "/" + targetId);
        }
    }

    /**
     * The units a caller may see ({@code limits}: their subtree, none for an operator), within {@code below} when
     * given; a caller left with part of the target's scope gets those units, never the whole they cannot see.
     */
    private static AttainmentView narrowed(AttainmentView view, Optional<Set<String>> limits, Optional<Set<String>> below) {
        List<AttainmentView.Entry> visible = view.units().stream()
                .filter(u -> limits.map(ids -> ids.contains(u.unitId())).orElse(true)
                        && below.map(ids -> ids.contains(u.unitId())).orElse(true))
                .toList();
        if (visible.size() == view.units().size()) {
            return view;
        }
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
