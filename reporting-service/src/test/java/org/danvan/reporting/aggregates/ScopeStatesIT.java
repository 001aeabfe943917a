package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.danvan.contracts.unit.ParentLink;
import org.danvan.reporting.catalogue.Indicator;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A scope's running state follows the cell writes of its units, never going back to an older cell version. */
@DanvanIntegrationTest
class ScopeStatesIT {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static final ReportingPeriod YEAR = ReportingPeriod.of("2025");

    @Autowired
    ScopeStates states;
    @Autowired
    AggregateStore store;
    @Autowired
    FigureKeys keys;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FigureGeneration generation;
    @Autowired
    ScopeUnits scopeUnits;

    @Test
    void aScopeTakesEachUnitsLatestCellAndNothingOlder() {
        Scope scope = districtWithACommune();
        String district = scope.district();
        String commune = scope.commune();

        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).singleElement()
                .satisfies(e -> assertThat(e.counted()).isEmpty()).satisfies(e -> assertThat(e.holder()).isTrue());

        states.written(List.of(cell(commune, 1, 1000, 600)));
        states.written(List.of(cell(commune, 3, 1000, 900)));
        // a writer that lost the race reports its older version last
        states.written(List.of(cell(commune, 2, 1000, 700)));
        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).singleElement().satisfies(e -> assertThat(e.counted())
                .containsEntry("MEMBERS_ENROLLED", new BigDecimal("900")).containsEntry("RESIDENTS", new BigDecimal("1000")));

        // the district's own cell is not in the scope: it changes nothing
        states.written(List.of(cell(district, 7, 5, 5)));
        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).extracting(ScopeStates.Entry::unitId).containsExactly(commune);

        // deleted (version 0), then written again from version 1
        FigureCell deleted = new FigureCell(commune, YEAR, Map.of(), Map.of());
        deleted.version = 0;
        states.written(List.of(deleted));
        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).singleElement().satisfies(e -> assertThat(e.counted()).isEmpty());
        states.written(List.of(cell(commune, 1, 200, 100)));
        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).singleElement()
                .satisfies(e -> assertThat(e.counted()).containsEntry("MEMBERS_ENROLLED", new BigDecimal("100")));

        states.treeChanged();
        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).singleElement()
                .satisfies(e -> assertThat(e.counted()).as("rebuilt from the cells, of which none is stored").isEmpty());
    }

    @Test
    void aCellWrittenWhileTheScopeIsBuiltIsNotLeftOut() {
        Scope scope = districtWithACommune();
        String district = scope.district();
        String commune = scope.commune();
        FigureCell written = cell(commune, 1, 1000, 600);
        AtomicReference<ScopeStates> building = new AtomicReference<>();
        // the first read of the cells finds none; a writer stores the commune's cell and tells the scopes right after
        FigureCells racing = new FigureCells(mongo, generation) {
            private boolean first = true;

            @Override
            Map<String, FigureCell> find(Collection<String> unitIds, ReportingPeriod period, Part part) {
                if (first) {
                    first = false;
                    building.get().written(List.of(written));
                    return Map.of();
                }
                return Map.of(commune, written);
            }
        };
        building.set(new ScopeStates(mongo, racing, scopeUnits, generation));

        assertThat(building.get().entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).singleElement()
                .satisfies(e -> assertThat(e.counted()).containsEntry("MEMBERS_ENROLLED", new BigDecimal("600")));
        assertThat(states.entries(scope.key(), scope.tree(), scope.rate(), scope.codes())).as("as stored").singleElement()
                .satisfies(e -> assertThat(e.counted()).containsEntry("MEMBERS_ENROLLED", new BigDecimal("600")));
    }

    /** The communes of a new district, judged on the enrolment rate in {@link #YEAR}. */
    private record Scope(String district, String commune, UnitTree tree, Indicator rate, List<String> codes, ScopeStates.Key key) {
    }

    private Scope districtWithACommune() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String district = "huyen-" + run;
        String commune = "xa-" + run;
        unit(district, "DISTRICT", null);
        unit(commune, "COMMUNE", district);
        return new Scope(district, commune, new UnitTree(store.units(), YEAR), keys.keys().indicators().get("ENROLMENT_RATE"),
                keys.keys().indicator("ENROLMENT_RATE").codes(),
                new ScopeStates.Key("ENROLMENT_RATE", district, YEAR, Set.of("COMMUNE"), Set.of()));
    }

    /** A cell as a writer has just stored it, at {@code version}. */
    private static FigureCell cell(String unitId, long version, int residents, int enrolled) {
        FigureCell cell = new FigureCell(unitId, YEAR, Map.of(), Map.of());
        cell.own = Map.of("RESIDENTS", BigDecimal.valueOf(residents), "MEMBERS_ENROLLED", BigDecimal.valueOf(enrolled));
        cell.own.forEach((code, value) -> {
            cell.sum.put(code, value);
            cell.valued.put(code, 1);
        });
        cell.version = version;
        return cell;
    }

    private void unit(String id, String level, String parent) {
        List<ParentLink> parents = parent == null ? List.of() : List.of(new ParentLink(parent, LONG_AGO, null));
        store.applyUnit(UUID.randomUUID().toString(), new UnitTreeDocument(id, 1, id.toUpperCase(), "Đơn vị " + id,
                "PEOPLES_COMMITTEE", level, LONG_AGO, null, parents, null, null));
    }
}
