package org.danvan.feedback.cases;

import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.springframework.stereotype.Component;

/** Which unit handles a case: on filing by its kind and area, on a complaint's second round the next authority up. */
@Component
class CaseRouting {

    private final UnitDirectory units;
    private final CasesProperties properties;

    CaseRouting(UnitDirectory units, CasesProperties properties) {
        this.units = units;
        this.properties = properties;
    }

    /** The nearest open unit at or above the level that handles this kind, or null. */
    UnitInfo route(UnitInfo area, CaseKind kind) {
        int handlingRank = units.rank(properties.routing().get(kind));
        return units.selfAndAncestors(area.id()).stream()
                .filter(UnitInfo::open)
                .filter(u -> units.rank(u.level()) <= handlingRank)
                .findFirst().orElse(null);
    }

    /** The nearest open unit of a higher level than {@code unitId}: the second round's authority. */
    String nextAuthority(String unitId) {
        UnitInfo current = units.find(unitId).orElseThrow(() -> new CaseProblems.NoNextAuthority(unitId));
        return units.selfAndAncestors(current.parentId()).stream().filter(UnitInfo::open)
                .filter(u -> units.rank(u.level()) < units.rank(current.level())).findFirst()
                .orElseThrow(() -> new CaseProblems.NoNextAuthority(unitId)).id();
    }
}
