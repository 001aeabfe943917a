package org.danvan.reporting.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.danvan.reporting.PublishedFacts;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Targets judge each unit on its own figures. Two communes, three organisations each (six at commune level),
 * and under every organisation two village branches of the same kind (twelve). Branches report too, so a
 * rollup over the subtree would let them speak for the unit above; the figures below are computed by hand.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class PerUnitTargetsIT {

    private static final List<String> KINDS = List.of("FATHERLAND_FRONT", "FARMERS_UNION", "WOMENS_UNION");
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;

    private PublishedFacts kit;

    @BeforeAll
    static void connect() {
        probe = new EventProbe();
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void signIn() {
        kit = new PublishedFacts(probe);
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    private Map<String, Object> attainment(String directiveId, String targetId) {
        ResponseEntity<Map> response = http.getForEntity("/api/v1/targets/" + directiveId + "/" + targetId
                + "/attainment?period=2025", Map.class);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private static Map<String, Object> whole(Map<String, Object> view) {
        return (Map<String, Object>) view.get("whole");
    }

    private static List<Map<String, Object>> units(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("units");
    }

    private static Map<String, Object> unit(Map<String, Object> view, String code) {
        return units(view).stream().filter(u -> code.equals(u.get("code"))).findFirst().orElseThrow();
    }

    private static BigDecimal number(Object value) {
        return new BigDecimal(value.toString());
    }

    @Test
    void eachUnitIsJudgedOnItsOwnFiguresNotOnItsBranches() throws IOException {
        List<PublishedFacts.Unit> organisations = new ArrayList<>();
        kit.register(new PublishedFacts.Unit("DT", "Huyện ủy Đức Trọng", "PARTY_COMMITTEE", "DISTRICT", null));
        for (String commune : List.of("X1", "X2")) {
            kit.register(new PublishedFacts.Unit(commune, "Đảng ủy xã " + commune, "PARTY_COMMITTEE", "COMMUNE", "DT"));
            for (String kind : KINDS) {
                PublishedFacts.Unit organisation = new PublishedFacts.Unit(commune + "-" + kind, kind + " xã " + commune, kind,
                        "COMMUNE", commune);
                organisations.add(organisation);
                for (int branch = 1; branch <= 2; branch++) {
                    organisations.add(new PublishedFacts.Unit(organisation.code() + "-CH" + branch,
                            "Chi hội " + branch + " " + organisation.name(), kind, "VILLAGE", organisation.code()));
                }
            }
        }
        organisations.forEach(kit::register);
        String directiveId = kit.issueDucTrongResolution("DT");

        int villageBranches = 0;
        for (PublishedFacts.Unit unit : organisations) {
            boolean branch = unit.level().equals("VILLAGE");
            // every commune organisation is rated good; the first four of the twelve branches only completed
            boolean completedOnly = branch && villageBranches++ < 4;
            Map<String, Integer> values = new HashMap<>();
            values.put("RESIDENTS", branch ? 100 : 1000);
            values.put("MEMBERS_ENROLLED", branch ? 80 : 990);
            values.put("UNITS_RATED_EXCELLENT", 0);
            values.put("UNITS_RATED_GOOD", completedOnly ? 0 : 1);
            values.put("UNITS_RATED_COMPLETED", completedOnly ? 1 : 0);
            values.put("UNITS_RATED_NOT_COMPLETED", 0);
            // X1's Farmers' Union built no model; each of its two branches built one
            values.put("MODELS_BUILT", unit.code().equals("X1-FARMERS_UNION") ? 0 : 1);
            kit.report(unit.code(), 1, "DV-NAM", "2025", values);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> attainment(directiveId, "T8"),
                view -> Integer.valueOf(18).equals(view.get("unitsInScope"))
                        && units(view).stream().allMatch(u -> u.get("value") != null));

        // T1 ≥ 95 % enrolled, as a ratio of sums: (6 × 990 + 12 × 80) / (6 × 1000 + 12 × 100) = 6900 / 7200 = 95.83 %
        // (the average of the eighteen percentages would be 86.33 % and fail); a union counts its own 990 / 1000
        Map<String, Object> enrolment = attainment(directiveId, "T1");
        assertThat(number(whole(enrolment).get("value"))).isEqualByComparingTo("95.83");
        assertThat(whole(enrolment)).containsEntry("status", "MET");
        assertThat(number(unit(enrolment, "X1-FARMERS_UNION").get("value"))).isEqualByComparingTo("99.00");
        assertThat(enrolment).containsEntry("unitsMet", 6);

        // T4 > 95 % of commune-level organisations rated good or better: 6 / 6 (with their branches it was 16 / 18)
        Map<String, Object> communeLevel = attainment(directiveId, "T4");
        assertThat(communeLevel).containsEntry("unitsInScope", 6);
        assertThat(number(whole(communeLevel).get("value"))).isEqualByComparingTo("100");
        assertThat(whole(communeLevel)).containsEntry("status", "MET");

        // T5 > 90 % at village level: 8 / 12 = 66.67 %
        Map<String, Object> villageLevel = attainment(directiveId, "T5");
        assertThat(villageLevel).containsEntry("unitsInScope", 12);
        assertThat(number(whole(villageLevel).get("value"))).isEqualByComparingTo("66.67");
        assertThat(whole(villageLevel)).containsEntry("status", "NOT_MET");

        // T8 every unit builds at least one model: the Farmers' Union's branches do not build it for the union
        Map<String, Object> models = attainment(directiveId, "T8");
        assertThat(unit(models, "X1-FARMERS_UNION")).containsEntry("status", "NOT_MET");
        assertThat(unit(models, "X1-FARMERS_UNION-CH1")).containsEntry("status", "MET");
        assertThat(models).containsEntry("unitsMet", 17).containsEntry("rule", "EVERY_UNIT");
        assertThat(number(whole(models).get("value"))).isEqualByComparingTo("94.44");
        assertThat(whole(models)).containsEntry("status", "NOT_MET");

        // a chart's series in one call: each period judged as its own read judges it, in the order asked
        String series = "/api/v1/targets/" + directiveId + "/T1/attainments?period=2024&period=2025";
        List<Map<String, Object>> both = http.getForObject(series, List.class);
        assertThat(both).extracting(view -> view.get("period")).containsExactly("2024", "2025");
        assertThat(both.get(1)).isEqualTo(enrolment);
        // narrowed to a commune: its units only, and no whole for a scope it does not cover
        Map<String, Object> x1 = (Map<String, Object>) http.getForObject(series + "&unit=" + kit.id("X1"), List.class).get(1);
        assertThat(units(x1)).isNotEmpty().allSatisfy(u -> assertThat((String) u.get("code")).startsWith("X1"));
        assertThat(x1).containsEntry("unitsInScope", units(x1).size()).containsEntry("whole", null);
        String thirteen = "period=2025&".repeat(TargetController.MAX_PERIODS + 1);
        ResponseEntity<String> tooMany = http.getForEntity("/api/v1/targets/" + directiveId + "/T1/attainments?" + thirteen, String.class);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody()).contains("attainment-period-count", "period");
    }
}
