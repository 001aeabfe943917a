package org.danvan.directive.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.directive.units.Units;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * How far the recipients of a directive have followed it: how many acknowledged it, how many filed an
 * implementing plan, and who still has none after N days — overall and per level (the "15/15 affiliated
 * party committees and 504 grassroots organisations" figures of seed 001).
 */
@Service
class DirectiveCompliance {

    private final Directives directives;
    private final Units units;
    private final MongoTemplate mongo;
    private final DirectivesProperties properties;

    private final Clock clock;

    DirectiveCompliance(Directives directives, Units units, MongoTemplate mongo, DirectivesProperties properties,
            MeterRegistry meters, Clock clock) {
        this.directives = directives;
        this.units = units;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("danvan.directives.recipients.without.plan.overdue", this::withoutPlanOverdueEverywhere)
                .description("Recipients of in-force directives with no implementing plan after the configured days")
                .register(meters);
    }

    record LevelCompliance(String level, int recipients, int acknowledged, int withPlan) {
    }

    record Report(String directiveId, String number, LocalDate asOf, int recipients, int acknowledged, int withPlan,
            int withoutPlanAfterDays, List<String> withoutPlan, List<LevelCompliance> byLevel) {
    }

    Report of(String id, Integer withoutPlanAfterDays, LocalDate asOf) {
        Directive directive = directives.find(id);
        int days = withoutPlanAfterDays == null ? properties.planDueDays() : withoutPlanAfterDays;
        // as of means as of: a plan issued or an acknowledgement given after asOf is not counted yet
        Map<String, Directive> plans = new HashMap<>(directives.plansOf(directive));
        plans.values().removeIf(plan -> plan.content.issuedOn().isAfter(asOf));
        Set<String> acknowledged = directive.acknowledgements.entrySet().stream()
                .filter(ack -> !ack.getValue().isAfter(asOf)).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<String, String> levels = units.levelsOf(directive.recipients);
        Map<String, int[]> byLevel = new TreeMap<>();
        List<String> withoutPlan = new ArrayList<>();
        boolean overdue = !directive.content.issuedOn().plusDays(days).isAfter(asOf);
        for (String recipient : directive.recipients) {
            int[] counts = byLevel.computeIfAbsent(levels.getOrDefault(recipient, "?"), l -> new int[3]);
            counts[0]++;
            if (acknowledged.contains(recipient)) {
                counts[1]++;
            }
            if (plans.containsKey(recipient)) {
                counts[2]++;
            } else if (overdue) {
                withoutPlan.add(recipient);
            }
        }
        List<LevelCompliance> perLevel = byLevel.entrySet().stream()
                .map(e -> new LevelCompliance(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        return new Report(id, directive.content.number(), asOf, directive.recipients.size(), acknowledged.size(),
                plans.size(), days, withoutPlan, perLevel);
    }

    private long withoutPlanOverdueEverywhere() {
        LocalDate today = LocalDate.now(clock);
        Query inForce = Query.query(Criteria.where("status").in(DirectiveStatus.ISSUED, DirectiveStatus.AMENDED)
                .and("content.issuedOn").lte(today.minusDays(properties.planDueDays())));
        long count = 0;
        for (Directive directive : mongo.find(inForce, Directive.class)) {
            count += directive.recipients.size() - directives.plansOf(directive).size();
        }
        return count;
    }
}
