package org.danvan.reporting.targets;

import java.math.BigDecimal;
import java.util.List;

import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;

/** One target of one directive, as the API returns it. */
public record TargetView(
        String directiveId,
        String directiveNumber,
        int directiveVersion,
        String targetId,
        String indicatorCode,
        TargetSpec.Comparator comparator,
        BigDecimal threshold,
        BigDecimal upperThreshold,
        TargetSpec.ThresholdUnit unit,
        List<String> levels,
        List<String> unitKinds,
        TargetPeriod period,
        String description) {

    static TargetView of(TargetDocument directive, TargetSpec t) {
        return new TargetView(directive.directiveId(), directive.number(), directive.directiveVersion(), t.targetId(),
                t.indicatorCode(), t.comparator(), t.threshold(), t.upperThreshold(), t.unit(), t.levels(),
                t.unitKinds(), t.period(), t.description());
    }
}
