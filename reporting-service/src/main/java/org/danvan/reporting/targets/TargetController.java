package org.danvan.reporting.targets;

import java.util.List;

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

    TargetController(DirectiveTargets targets, Attainment attainment) {
        this.targets = targets;
        this.attainment = attainment;
    }

    /** Per unit in the target's scope and for the whole: MET, NOT_MET, AT_RISK or NO_DATA for the period. */
    @GetMapping("/{directiveId}/{targetId}/attainment")
    AttainmentView attainment(@PathVariable String directiveId, @PathVariable String targetId,
            @RequestParam(value = "period", required = false) String period) {
        return attainment.evaluate(directiveId, targetId, period);
    }

    @GetMapping
    List<TargetView> byDirective(@RequestParam("directive") String directiveId) {
        return targets.targetsOf(directiveId);
    }
}
