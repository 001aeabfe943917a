package org.danvan.reporting.targets;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.danvan.contracts.directive.TargetPeriod;
import org.danvan.contracts.directive.TargetSpec;
import org.danvan.reporting.aggregates.IndicatorFigures;
import org.danvan.reporting.catalogue.NotFound;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Judges a directive's target for a period. The units in scope are those below the directive's issuer (as
 * dated for the period) of the target's levels and unit kinds (any, when a list is empty), each judged on its
 * own figures: a unit's branches never make up for it, unless the indicator rolls up. A PERCENT target is a
 * rate: each unit on its own ratio, the whole over all of them as one ratio of sums. A COUNT
 * target is one every unit must reach: the whole is the share of units meeting it. A BY_DATE target is
 * judged on the latest period up to its date, and is final only once the date has passed.
 */
@Service
class Attainment {

    private final MongoTemplate mongo;
    private final IndicatorFigures figures;
    private final AttainmentProperties properties;

    private final Clock clock;

    Attainment(MongoTemplate mongo, IndicatorFigures figures, AttainmentProperties properties, Clock clock) {
        this.mongo = mongo;
        this.figures = figures;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    AttainmentView evaluate(String directiveId, String targetId, String period) {
        return evaluate(directiveId, targetId, period, today());
    }

    AttainmentView evaluate(String directiveId, String targetId, String periodText, LocalDate today) {
        TargetDocument directive = mongo.findById(directiveId, TargetDocument.class);
        if (directive == null) {
            throw new NotFound("target", directiveId + "/" + targetId);
        }
        TargetSpec target = directive.targets().stream().filter(t -> targetId.equals(t.targetId())).findFirst()
                .orElseThrow(() -> new NotFound("target", directiveId + "/" + targetId));
        return evaluate(directive, target, periodText, today);
    }

    AttainmentView evaluate(TargetDocument directive, TargetSpec target, String periodText, LocalDate today) {
        return evaluate(directive, target, periodText, today, false);
    }

    /** As {@link #evaluate(TargetDocument, TargetSpec, String, LocalDate)}, with the scope's figures rebuilt from the cells. */
    AttainmentView recheck(TargetDocument directive, TargetSpec target, String periodText, LocalDate today) {
        return evaluate(directive, target, periodText, today, true);
    }

    private AttainmentView evaluate(TargetDocument directive, TargetSpec target, String periodText, LocalDate today,
            boolean fromCells) {
        String period = judgedPeriod(target, periodText, today);
        IndicatorFigures.Figures values = figures.figures(target.indicatorCode(), directive.issuerUnitId(), period,
                Set.copyOf(target.levels()), Set.copyOf(target.unitKinds()), fromCells);
        LocalDate spanStart = values.start();
        LocalDate spanEnd = values.end();
        TargetPeriod when = target.period();
        if (when != null && when.type() == TargetPeriod.Type.BY_DATE && when.to() != null) {
            // "by 2025": the pace is judged over the whole run-up, and nothing is final before the date
            spanStart = when.from() != null ? when.from() : spanStart;
            spanEnd = when.to().isAfter(spanEnd) ? when.to() : spanEnd;
        }
        BigDecimal share = AttainmentRules.elapsedShare(spanStart, spanEnd, today);
        boolean everyUnit = target.unit() == TargetSpec.ThresholdUnit.COUNT;

        List<AttainmentView.Entry> units = new ArrayList<>();
        for (IndicatorFigures.UnitFigures unit : values.units()) {
            AttainmentStatus status = AttainmentRules.status(target, unit.value(), values.flow(), share,
                    properties.atRiskFromElapsedShare());
            units.add(entry(unit.unit(), unit.value(), status));
        }
        List<AttainmentStatus> statuses = units.stream().map(AttainmentView.Entry::status).toList();
        AttainmentView.Entry whole;
        if (everyUnit) {
            whole = entry(values.root(), AttainmentRules.shareMet(statuses), AttainmentRules.everyUnit(statuses, share));
        } else {
            BigDecimal value = values.units().isEmpty() ? null : values.whole().value();
            whole = entry(values.root(), value, AttainmentRules.status(target, value, values.flow(), share,
                    properties.atRiskFromElapsedShare()));
        }
        int met = (int) statuses.stream().filter(s -> s == AttainmentStatus.MET).count();
        return new AttainmentView(directive.directiveId(), directive.number(), target.targetId(), target.indicatorCode(),
                target.description(), target.comparator(), target.threshold(), target.upperThreshold(), target.unit(),
                values.period(), today, share, everyUnit ? "EVERY_UNIT" : "RATE", whole, units.size(), met, units);
    }

    /**
     * The period to judge: the one asked for; without one, the current year for a yearly target, the year of
     * the target date (or the current year before it) for a BY_DATE target, the year of the start for a
     * PERIOD target. A period past a BY_DATE target's date is judged as the year of the date.
     */
    static String judgedPeriod(TargetSpec target, String periodText, LocalDate today) {
        TargetPeriod when = target.period();
        String period = periodText == null || periodText.isBlank() ? null : periodText.trim();
        if (period != null && !IndicatorFigures.isPeriod(period)) {
            throw new AttainmentProblems.BadPeriod(period);
        }
        if (when != null && when.type() == TargetPeriod.Type.BY_DATE && when.to() != null) {
            int lastYear = when.to().getYear();
            if (period == null) {
                return Integer.toString(Math.min(lastYear, today.getYear()));
            }
            return Integer.parseInt(period.substring(0, 4)) > lastYear ? Integer.toString(lastYear) : period;
        }
        if (period != null) {
            return period;
        }
        if (when != null && when.type() == TargetPeriod.Type.PERIOD && when.from() != null) {
            return Integer.toString(when.from().getYear());
        }
        return Integer.toString(today.getYear());
    }

    private static AttainmentView.Entry entry(IndicatorFigures.UnitInfo unit, BigDecimal value, AttainmentStatus status) {
        return new AttainmentView.Entry(unit.unitId(), unit.code(), unit.name(), unit.level(), unit.kind(), value, status);
    }
}
