package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.danvan.contracts.unit.ParentLink;
import org.danvan.reporting.catalogue.AggregationType;
import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.Indicator;
import org.danvan.reporting.catalogue.LocalizedText;
import org.danvan.reporting.catalogue.SumExpression;
import org.danvan.reporting.catalogue.ValueType;
import org.danvan.reporting.forms.PeriodType;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ReportingPeriod;
import org.junit.jupiter.api.Test;

class AggregationTest {

    static final DataElement RESIDENTS = element("RESIDENTS", AggregationType.LAST_IN_PERIOD);
    static final DataElement MEMBERS_ENROLLED = element("MEMBERS_ENROLLED", AggregationType.LAST_IN_PERIOD);
    static final DataElement BRIEFING_CLASSES = element("BRIEFING_CLASSES", AggregationType.SUM);
    static final DataElement BRIEFING_PARTICIPANTS = element("BRIEFING_PARTICIPANTS", AggregationType.SUM);
    static final DataElement RATED_GOOD = element("RATED_GOOD_OR_BETTER", AggregationType.YES_NO);
    static final Indicator ENROLMENT_RATE = new Indicator("ENROLMENT_RATE", new LocalizedText("Tỷ lệ tập hợp", "Enrolment rate"),
            SumExpression.parse("MEMBERS_ENROLLED"), SumExpression.parse("RESIDENTS"), 100, null, false);

    static DataElement element(String code, AggregationType aggregation) {
        return new DataElement(code, new LocalizedText(code, code),
                aggregation == AggregationType.YES_NO ? ValueType.BOOLEAN : ValueType.INTEGER, aggregation);
    }

    static UnitNode unit(String id, String level, ParentLink... parents) {
        return new UnitNode(id, 1, id.toUpperCase(), "Đơn vị " + id, level, LocalDate.of(2000, 1, 1), null, List.of(parents));
    }

    static ParentLink under(String parent) {
        return new ParentLink(parent, LocalDate.of(2000, 1, 1), null);
    }

    static AcceptedValues report(String unitId, String period, Map<String, Integer> numbers) {
        Map<String, BigDecimal> values = numbers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> BigDecimal.valueOf(e.getValue())));
        return new AcceptedValues(unitId + "/" + period, 1, "DV-6T", unitId, ReportingPeriod.of(period), values, Map.of(),
                false, ReportingPeriod.of(period).end().plusDays(10));
    }

    static Map<String, List<AcceptedValues>> byUnit(AcceptedValues... reports) {
        return List.of(reports).stream().collect(Collectors.groupingBy(AcceptedValues::unitId));
    }

    /**
     * {@code root}'s running totals in the period as {@link RunningTotals} computes them, without the store: each
     * unit's own cell, then every cell of the tree recomputed from its children, deepest first. The elements are
     * expected from the units of COMMUNE level.
     */
    static FigureCell rolledUp(List<DataElement> elements, List<UnitNode> units, String root, String period,
            Map<String, List<AcceptedValues>> reports) {
        ReportingPeriod p = ReportingPeriod.of(period);
        UnitTree tree = new UnitTree(units, p);
        return cell(tree, keys(elements), root, reports, new HashMap<>());
    }

    /** The elements and DV-6T (semiannual) expected from the units of COMMUNE level. */
    static FigureKeys.Keys keys(List<DataElement> elements) {
        Map<String, DataElement> byCode = elements.stream().collect(Collectors.toMap(DataElement::code, e -> e));
        ReportForm form = new ReportForm("DV-6T", new LocalizedText("DV-6T", "DV-6T"), PeriodType.SEMIANNUAL, List.of(), List.of());
        return new FigureKeys.Keys(byCode, Map.of(), Map.of(form.code(), form),
                elements.stream().map(e -> new FigureKeys.Key(e.code(), List.of(e.code()), Set.of("COMMUNE"))).toList(), List.of(),
                List.of(new FigureKeys.Key(form.code(), List.of(), Set.of("COMMUNE"))));
    }

    /** The unit's cell recomputed from its children's, each kept in {@code all} as the store would (not when empty). */
    private static FigureCell cell(UnitTree tree, FigureKeys.Keys keys, String unitId, Map<String, List<AcceptedValues>> reports,
            Map<String, FigureCell> all) {
        Map<String, AcceptedValues> facts = new HashMap<>();
        reports.getOrDefault(unitId, List.of()).forEach(r -> facts.put(r.reportId(), r));
        FigureCell cell = new FigureCell(unitId, tree.period(), facts, Map.of());
        cell.recomputeOwn(keys.elements());
        cell.recomputeTotals(tree, keys, tree.children(unitId).stream().map(c -> cell(tree, keys, c.unitId(), reports, all)).toList());
        if (!cell.empty()) {
            all.put(unitId, cell);
        }
        return cell;
    }

    /** The subtree's sums; an element no unit has a value for is absent. */
    static Map<String, BigDecimal> sums(FigureCell cell) {
        Map<String, BigDecimal> sums = new HashMap<>();
        cell.sum.forEach((code, value) -> {
            if (cell.valued.getOrDefault(code, 0) > 0) {
                sums.put(code, value);
            }
        });
        return sums;
    }

    @Test
    void aRateIsTheRatioOfSumsNotTheAverageOfTheUnitsPercentages() {
        List<UnitNode> communes = List.of(unit("d", "DISTRICT"), unit("a", "COMMUNE", under("d")), unit("b", "COMMUNE", under("d")));
        List<DataElement> elements = List.of(RESIDENTS, MEMBERS_ENROLLED);

        // same sizes: 90/100 and 10/100 → 100/200 = 50 %, which happens to be the average too
        var equal = Aggregation.figures(ENROLMENT_RATE, sums(rolledUp(elements, communes, "d", "2025H1", byUnit(
                report("a", "2025H1", Map.of("RESIDENTS", 100, "MEMBERS_ENROLLED", 90)),
                report("b", "2025H1", Map.of("RESIDENTS", 100, "MEMBERS_ENROLLED", 10))))));
        assertThat(equal.numerator()).isEqualByComparingTo("100");
        assertThat(equal.denominator()).isEqualByComparingTo("200");
        assertThat(equal.value()).isEqualByComparingTo("50.00");

        // different sizes: 900/1000 (90 %) and 10/100 (10 %) → 910/1100 = 82.73 %, not the 50 % average
        var unequal = Aggregation.figures(ENROLMENT_RATE, sums(rolledUp(elements, communes, "d", "2025H1", byUnit(
                report("a", "2025H1", Map.of("RESIDENTS", 1000, "MEMBERS_ENROLLED", 900)),
                report("b", "2025H1", Map.of("RESIDENTS", 100, "MEMBERS_ENROLLED", 10))))));
        assertThat(unequal.numerator()).isEqualByComparingTo("910");
        assertThat(unequal.denominator()).isEqualByComparingTo("1100");
        assertThat(unequal.value()).isEqualByComparingTo("82.73").isNotEqualByComparingTo("50");
    }

    @Test
    void overAYearStocksTakeTheLatestHalfAndFlowsAddBothHalves() {
        List<AcceptedValues> reports = List.of(
                report("a", "2025H2", Map.of("RESIDENTS", 1100, "BRIEFING_CLASSES", 6)),
                report("a", "2025H1", Map.of("RESIDENTS", 1000, "BRIEFING_CLASSES", 4)));

        assertThat(Aggregation.unitValue(RESIDENTS, reports)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1100"));
        assertThat(Aggregation.unitValue(BRIEFING_CLASSES, reports)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
        // a single half is just that half
        assertThat(Aggregation.unitValue(RESIDENTS, reports.subList(1, 2))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000"));
        assertThat(Aggregation.unitValue(BRIEFING_PARTICIPANTS, reports)).isEmpty();
    }

    @Test
    void anAnnualReportOfAFlowIsNotAddedToTheHalvesItCovers() {
        List<AcceptedValues> reports = List.of(
                report("a", "2025H1", Map.of("BRIEFING_CLASSES", 4)),
                report("a", "2025H2", Map.of("BRIEFING_CLASSES", 6)),
                report("a", "2025", Map.of("BRIEFING_CLASSES", 11)));

        assertThat(Aggregation.unitValue(BRIEFING_CLASSES, reports)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("11"));
    }

    @Test
    void yesNoCountsTheUnitsAnsweringYes() {
        AcceptedValues yes = new AcceptedValues("r1", 1, "DV-NAM", "a", ReportingPeriod.of("2025"), Map.of(),
                Map.of("RATED_GOOD_OR_BETTER", true), false, null);
        AcceptedValues no = new AcceptedValues("r2", 1, "DV-NAM", "b", ReportingPeriod.of("2025"), Map.of(),
                Map.of("RATED_GOOD_OR_BETTER", false), false, null);
        List<UnitNode> units = List.of(unit("d", "DISTRICT"), unit("a", "COMMUNE", under("d")), unit("b", "COMMUNE", under("d")),
                unit("c", "COMMUNE", under("d")));

        assertThat(sums(rolledUp(List.of(RATED_GOOD), units, "d", "2025", byUnit(yes, no))).get("RATED_GOOD_OR_BETTER"))
                .isEqualByComparingTo("1");
    }

    @Test
    void theSeedDistrictAddsUpItsFifteenCommunesTo472ClassesAnd53486Participants() {
        int[] classes = {28, 30, 31, 29, 33, 35, 27, 32, 34, 30, 31, 29, 33, 36, 34};
        int[] participants = {3410, 3620, 3555, 3490, 3710, 3880, 3305, 3600, 3725, 3540, 3610, 3480, 3690, 3800, 3071};
        List<UnitNode> units = new ArrayList<>(List.of(unit("duc-trong", "DISTRICT")));
        Map<String, List<AcceptedValues>> reports = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            units.add(unit("xa-" + i, "COMMUNE", under("duc-trong")));
            reports.put("xa-" + i, List.of(report("xa-" + i, "2025H1",
                    Map.of("BRIEFING_CLASSES", classes[i], "BRIEFING_PARTICIPANTS", participants[i]))));
        }
        UnitTree tree = new UnitTree(units, ReportingPeriod.of("2025H1"));
        List<UnitNode> district = tree.subtree("duc-trong");

        FigureCell cell = rolledUp(List.of(BRIEFING_CLASSES, BRIEFING_PARTICIPANTS), units, "duc-trong", "2025H1", reports);
        assertThat(sums(cell).get("BRIEFING_CLASSES")).isEqualByComparingTo("472");
        assertThat(sums(cell).get("BRIEFING_PARTICIPANTS")).isEqualByComparingTo("53486");
        List<UnitNode> expected = Aggregation.expectedUnits(tree, district, List.of("COMMUNE"));
        assertThat(expected).hasSize(15);
        assertThat(tree.expectedCount("duc-trong", List.of("COMMUNE"))).isEqualTo(15);
        assertThat(cell.reporting.get("BRIEFING_CLASSES")).isEqualTo(15);
    }

    @Test
    void aUnitMovedIn2025StaysUnderItsOldParentFor2021() {
        UnitNode moved = unit("xa-moved", "COMMUNE", new ParentLink("old", LocalDate.of(2000, 1, 1), LocalDate.of(2025, 7, 1)),
                new ParentLink("new", LocalDate.of(2025, 7, 1), null));
        List<UnitNode> units = List.of(unit("old", "DISTRICT"), unit("new", "DISTRICT"), moved);

        assertThat(new UnitTree(units, ReportingPeriod.of("2021")).subtree("old")).extracting(UnitNode::unitId)
                .containsExactly("old", "xa-moved");
        assertThat(new UnitTree(units, ReportingPeriod.of("2021")).subtree("new")).extracting(UnitNode::unitId)
                .containsExactly("new");
        assertThat(new UnitTree(units, ReportingPeriod.of("2025H1")).children("old")).extracting(UnitNode::unitId)
                .containsExactly("xa-moved");
        assertThat(new UnitTree(units, ReportingPeriod.of("2025")).children("new")).extracting(UnitNode::unitId)
                .containsExactly("xa-moved");
        assertThat(new UnitTree(units, ReportingPeriod.of("2025")).children("old")).isEmpty();
    }

    @Test
    void unitsClosedBeforeOrOpenedAfterThePeriodAreNotPartOfIt() {
        UnitNode merged = new UnitNode("xa-merged", 3, "XM", "Xã cũ", "COMMUNE", LocalDate.of(2000, 1, 1),
                LocalDate.of(2025, 7, 1), List.of(under("d")));
        UnitNode opened = new UnitNode("xa-new", 1, "XN", "Xã mới", "COMMUNE", LocalDate.of(2025, 7, 1), null,
                List.of(under("d")));
        List<UnitNode> units = List.of(unit("d", "DISTRICT"), merged, opened);

        assertThat(new UnitTree(units, ReportingPeriod.of("2025H1")).children("d")).extracting(UnitNode::unitId).containsExactly("xa-merged");
        assertThat(new UnitTree(units, ReportingPeriod.of("2025H2")).children("d")).extracting(UnitNode::unitId).containsExactly("xa-new");
        assertThat(new UnitTree(units, ReportingPeriod.of("2025")).children("d")).extracting(UnitNode::unitId)
                .containsExactlyInAnyOrder("xa-merged", "xa-new");
    }

    @Test
    void completenessCountsFromTheCellAndListsOnlyTheUnitsStillOwingWithThePeriodsTheyOwe() {
        List<UnitNode> units = List.of(unit("p", "PROVINCE"), unit("d", "DISTRICT", under("p")), unit("e", "DISTRICT", under("p")),
                unit("a", "COMMUNE", under("d")), unit("b", "COMMUNE", under("d")), unit("c", "COMMUNE", under("d")),
                unit("x", "COMMUNE", under("e")), unit("y", "COMMUNE", under("e")), unit("z", "COMMUNE", under("e")));
        AcceptedValues bH1 = new AcceptedValues("b/2025H1", 1, "DV-6T", "b", ReportingPeriod.of("2025H1"), Map.of(), Map.of(),
                true, null);
        Map<String, List<AcceptedValues>> reports = byUnit(report("a", "2025H1", Map.of("RESIDENTS", 1)),
                report("a", "2025H2", Map.of("RESIDENTS", 1)), bH1,
                // another form's report, and one for a period DV-6T does not owe, count for nothing
                new AcceptedValues("c/other", 1, "DV-NAM", "c", ReportingPeriod.of("2025"), Map.of(), Map.of(), false, null),
                new AcceptedValues("c/q1", 1, "DV-6T", "c", ReportingPeriod.of("2025Q1"), Map.of(), Map.of(), false, null),
                report("x", "2025H1", Map.of()), report("x", "2025H2", Map.of()), report("y", "2025H1", Map.of()),
                report("y", "2025H2", Map.of()), report("z", "2025H1", Map.of()), report("z", "2025H2", Map.of()));

        CompletenessView district = completeness(units, reports, "d", "2025");
        assertThat(district.expectedUnits()).isEqualTo(3);
        assertThat(district.reportedUnits()).isEqualTo(1);
        assertThat(district.expectedReports()).isEqualTo(6);
        assertThat(district.receivedReports()).isEqualTo(3);
        assertThat(district.onTime()).isEqualTo(2);
        assertThat(district.late()).isEqualTo(1);
        assertThat(district.completeness()).isEqualByComparingTo("50.00");
        assertThat(district.timeliness()).isEqualByComparingTo("33.33");
        assertThat(district.notReported()).extracting(CompletenessView.Missing::unitId, CompletenessView.Missing::missingPeriods)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", List.of("2025H2")),
                        org.assertj.core.groups.Tuple.tuple("c", List.of("2025H1", "2025H2")));

        CompletenessView province = completeness(units, reports, "p", "2025");
        assertThat(province.expectedUnits()).isEqualTo(6);
        assertThat(province.reportedUnits()).isEqualTo(4);
        assertThat(province.receivedReports()).isEqualTo(9);
        assertThat(province.notReported()).extracting(CompletenessView.Missing::unitId).containsExactly("b", "c");
        assertThat(completeness(units, reports, "e", "2025").notReported()).isEmpty();

        // a half owes only itself; a quarter owes nothing of a semiannual form, so every owing unit has reported
        assertThat(completeness(units, reports, "p", "2025H2").receivedReports()).isEqualTo(4);
        CompletenessView quarter = completeness(units, reports, "p", "2025Q1");
        assertThat(quarter.reportedUnits()).isEqualTo(6);
        assertThat(quarter.expectedReports()).isZero();
        assertThat(quarter.completeness()).isNull();
        assertThat(quarter.notReported()).isEmpty();
    }

    /** Completeness of DV-6T below {@code root} as the service reads it: the root's cell, then the cells owing. */
    private static CompletenessView completeness(List<UnitNode> units, Map<String, List<AcceptedValues>> reports, String root,
            String periodText) {
        ReportingPeriod period = ReportingPeriod.of(periodText);
        UnitTree tree = new UnitTree(units, period);
        FigureKeys.Keys keys = keys(List.of(RESIDENTS));
        Map<String, FigureCell> cells = new HashMap<>();
        cell(tree, keys, root, reports, cells);
        FigureKeys.Key form = keys.form("DV-6T");
        List<ReportingPeriod> owed = period.periodsOf(PeriodType.SEMIANNUAL);
        FormTally tally = cells.containsKey(root) ? cells.get(root).standings.getOrDefault("DV-6T", FormTally.NONE) : FormTally.NONE;
        List<String> read = new ArrayList<>();
        List<CompletenessView.Missing> missing = Completeness.owing(form, owed, root, tree, ids -> {
            read.addAll(ids);
            Map<String, FigureCell> found = new HashMap<>();
            ids.stream().filter(cells::containsKey).forEach(id -> found.put(id, cells.get(id)));
            return found;
        });
        // a subtree whose every owing unit has reported is never read below its root
        assertThat(read).doesNotContain("x", "y", "z");
        return Completeness.of("DV-6T", "Báo cáo 6 tháng", root, period, tree.expectedCount(root, form.levels()), owed, tally, missing);
    }

    @Test
    void periodsContainTheirHalvesAndQuarters() {
        ReportingPeriod year = ReportingPeriod.of("2025");
        assertThat(year.contains(ReportingPeriod.of("2025H2"))).isTrue();
        assertThat(year.contains(ReportingPeriod.of("2025Q3"))).isTrue();
        assertThat(ReportingPeriod.of("2025H1").contains(ReportingPeriod.of("2025Q3"))).isFalse();
        assertThat(ReportingPeriod.of("2025H1").contains(year)).isFalse();
        assertThat(year.periodsOf(PeriodType.SEMIANNUAL)).extracting(ReportingPeriod::toString).containsExactly("2025H1", "2025H2");
        assertThat(ReportingPeriod.of("2025H2").periodsOf(PeriodType.QUARTERLY)).extracting(ReportingPeriod::toString)
                .containsExactly("2025Q3", "2025Q4");
        assertThat(ReportingPeriod.of("2025H2").periodsOf(PeriodType.ANNUAL)).isEmpty();
        assertThat(ReportingPeriod.parse("2025H3")).isEmpty();
    }
}
