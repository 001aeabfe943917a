package org.danvan.reporting.targets;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/targets")
class TargetController {

    private final DirectiveTargets targets;

    TargetController(DirectiveTargets targets) {
        this.targets = targets;
    }

    @GetMapping
    List<TargetView> byDirective(@RequestParam("directive") String directiveId) {
        return targets.targetsOf(directiveId);
    }
}
