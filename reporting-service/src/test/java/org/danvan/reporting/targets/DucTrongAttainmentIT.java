package org.danvan.reporting.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.contracts.EventJson;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.reporting.TargetAttainmentChanged;
import org.danvan.reporting.PublishedFacts;
import org.danvan.reporting.PublishedFacts.Unit;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Đức Trọng resolution's targets (directive-service/fixtures/duc-trong-resolution.json) judged on a
 * district generated from duc-trong-units.json: each commune and one village per commune get the five mass
 * organisations, and every organisation reports 2025 so that some targets are met and some are not.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class DucTrongAttainmentIT {

    private static final List<String> ORGANISATIONS = List.of("FATHERLAND_FRONT", "FARMERS_UNION", "WOMENS_UNION",
            "YOUTH_UNION", "VETERANS_ASSOCIATION");
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    Attainment attainment;
    @Autowired
    AttainmentChanges changes;
    @Autowired
    MongoTemplate mongo;

    private PublishedFacts facts;

    @BeforeAll
    static void connect() {
        probe = new EventProbe(ReportingContract.ATTAINMENT.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    private String id(String code) {
        return facts.id(code);
    }

    /** The fixture's units, then for each commune its five organisations and a village with its own five. */
    private static List<Unit> district() throws IOException {
        List<Unit> units = new ArrayList<>();
        List<Map<String, Object>> fixture = EventJson.read(Files.readAllBytes(PublishedFacts.FIXTURES.resolve("duc-trong-units.json")), List.class);
        for (Map<String, Object> u : fixture) {
            units.add(new Unit((String) u.get("mã"), (String) u.get("tên"), (String) u.get("loại"), (String) u.get("cấp"),
                    (String) u.get("mã cấp trên")));
        }
        for (Unit commune : List.copyOf(units)) {
            if (!commune.level().equals("COMMUNE")) {
                continue;
            }
            String village = commune.code() + "-T1";
            units.add(new Unit(village, "Thôn 1 " + commune.name(), "VILLAGE_PARTY_CELL", "VILLAGE", commune.code()));
            for (String organisation : ORGANISATIONS) {
                units.add(new Unit(commune.code() + "-" + organisation, organisation + " " + commune.name(), organisation,
                        "COMMUNE", commune.code()));
                units.add(new Unit(village + "-" + organisation, organisation + " thôn 1 " + commune.name(), organisation,
                        "VILLAGE", village));
            }
        }
        return units;
    }

    /** 2025 figures of one organisation, chosen so that each target lands where the test says. */
    private static Map<String, Integer> figures2025(Unit unit, int villageIndex) {
        Map<String, Integer> v = new LinkedHashMap<>();
        boolean village = unit.level().equals("VILLAGE");
        v.put("RESIDENTS", 100);
        v.put("MEMBERS_ENROLLED", unit.code().equals("DT-X6-T1-YOUTH_UNION") ? 90 : 96);
        v.put("MEMBERS_ACTIVE", 85);
        v.put("MODELS_BUILT", 1);
        v.put("RESIDENTIAL_AREAS", 10);
        v.put("EXEMPLARY_AREAS", 6);
        v.put("MODEL_AREAS", 2);
        boolean completedOnly = unit.code().equals("DT-X1-FARMERS_UNION") || village && villageIndex < 4;
        v.put("UNITS_RATED_EXCELLENT", 0);
        v.put("UNITS_RATED_GOOD", completedOnly ? 0 : 1);
        v.put("UNITS_RATED_COMPLETED", completedOnly ? 1 : 0);
        v.put("UNITS_RATED_NOT_COMPLETED", 0);
        v.put("CADRES", village ? 3 : 5);
        v.put("CADRES_MEETING_STANDARDS", village ? 2 : 5);
        v.put("CADRES_TRAINED", village ? 2 : 5);
        if (unit.level().equals("DISTRICT")) {
            v.put("DISADVANTAGED_AREAS_SUPPORTED", unit.kind().equals("YOUTH_UNION") ? 0 : 1);
        }
        if (!village) {
            v.put("SUPERVISION_SESSIONS", 2);
        }
        return v;
    }

    private Map<String, Object> attainmentOf(String directiveId, String targetId, String period) {
        ResponseEntity<Map> response = http.getForEntity("/api/v1/targets/" + directiveId + "/" + targetId
                + "/attainment?period=" + period, Map.class);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private static Map<String, Object> whole(Map<String, Object> view) {
        return (Map<String, Object>) view.get("whole");
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    /** A target's attainment changes (keyed directive:target), each event once however often it was delivered. */
    private List<TargetAttainmentChanged> published(String directiveId, String targetId) {
        return probe.events(directiveId + ":" + targetId).stream()
                .map(r -> EventJson.read(r.value(), TargetAttainmentChanged.class)).toList();
    }

    @BeforeEach
    void signIn() {
        // an operator sees every unit's reports and figures; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    @Test
    void theResolutionsTargetsAreJudgedPerUnitAndForTheWholeDistrict() throws IOException {
        facts = new PublishedFacts(probe);
        List<Unit> units = district();
        units.forEach(facts::register);
        String directiveId = facts.issueDucTrongResolution("DT");
        List<Unit> organisations = units.stream().filter(u -> ORGANISATIONS.contains(u.kind())).toList();
        assertThat(organisations).hasSize(65);
        int villageIndex = 0;
        for (Unit unit : organisations) {
            facts.report(unit.code(), 1, "DV-NAM", "2025", figures2025(unit, unit.level().equals("VILLAGE") ? villageIndex++ : -1));
        }

        // every organisation's models arrived: 65 units in scope, all meeting "at least one model"
        Map<String, Object> models = await().atMost(Duration.ofSeconds(60)).until(
                () -> attainmentOf(directiveId, "T8", "2025"), v -> Integer.valueOf(65).equals(v.get("unitsMet")));
        assertThat(models).containsEntry("rule", "EVERY_UNIT").containsEntry("unitsInScope", 65);
        assertThat(whole(models)).containsEntry("status", "MET");
        await().atMost(Duration.ofSeconds(60)).until(() -> attainmentOf(directiveId, "T2", "2025"),
                v -> !v.isEmpty() && ((List<Map<String, Object>>) v.get("units")).stream().allMatch(u -> u.get("value") != null));

        // T1 ≥ 95 % enrolled: 6234 / 6500 = 95.91 % for the whole, one village's youth union below
        Map<String, Object> enrolment = attainmentOf(directiveId, "T1", "2025");
        assertThat(number(whole(enrolment).get("value"))).isEqualByComparingTo("95.91");
        assertThat(whole(enrolment)).containsEntry("status", "MET");
        assertThat((List<Map<String, Object>>) enrolment.get("units")).filteredOn(u -> "NOT_MET".equals(u.get("status")))
                .singleElement().satisfies(u -> assertThat(u).containsEntry("code", "DT-X6-T1-YOUTH_UNION"));
        assertThat(enrolment).containsEntry("unitsInScope", 65).containsEntry("unitsMet", 64).containsEntry("rule", "RATE");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("T2", "NOT_MET");   // > 90 % active: 5525 / 6234 = 88.63 %
        expected.put("T3", "MET");       // 100 % of the district's organisations rated good
        expected.put("T4", "MET");       // > 95 % at commune level: 29 / 30
        expected.put("T5", "NOT_MET");   // > 90 % at village level: 26 / 30
        expected.put("T6", "MET");       // 100 % of district and commune cadres meet the standards
        expected.put("T7", "NOT_MET");   // 100 % trained: villages trained 2 of 3
        expected.put("T9", "NOT_MET");   // every district organisation supports an area: the youth union did not
        expected.put("T10", "MET");      // by 2025 > 50 % exemplary: 60 %
        expected.put("T11", "NOT_MET");  // of which > 30 % model: 20 %
        expected.put("T12", "NOT_MET");  // every unit supervises: the villages sent nothing
        expected.forEach((target, status) -> assertThat(whole(attainmentOf(directiveId, target, "2025")))
                .as(target).containsEntry("status", status));
        assertThat(number(whole(attainmentOf(directiveId, "T2", "2025")).get("value"))).isEqualByComparingTo("88.63");
        assertThat(number(whole(attainmentOf(directiveId, "T4", "2025")).get("value"))).isEqualByComparingTo("96.67");
        assertThat(number(whole(attainmentOf(directiveId, "T7", "2025")).get("value"))).isEqualByComparingTo("87.50");
        assertThat(number(whole(attainmentOf(directiveId, "T9", "2025")).get("value"))).isEqualByComparingTo("80");
        Map<String, Object> supervision = attainmentOf(directiveId, "T12", "2025");
        assertThat((List<Map<String, Object>>) supervision.get("units")).extracting(u -> u.get("status"))
                .containsOnly("MET", "NO_DATA").filteredOn("NO_DATA"::equals).hasSize(30);
        Map<String, Object> by2025 = attainmentOf(directiveId, "T10", "2027");
        assertThat(by2025).containsEntry("period", "2025");
        // nothing reported for 2024: no data
        assertThat(whole(attainmentOf(directiveId, "T1", "2024"))).containsEntry("status", "NO_DATA");
        assertThat(http.getForEntity("/api/v1/targets/" + directiveId + "/T1/attainment?period=2025H3", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/targets/" + directiveId + "/T99/attainment?period=2025", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // changes are published once: a second recomputation finds nothing new
        TargetDocument directive = mongo.findById(directiveId, TargetDocument.class);
        LocalDate january = LocalDate.of(2026, 1, 20);
        assertThat(changes.recompute(directive, january)).isGreaterThan(12);
        assertThat(changes.recompute(directive, january)).isZero();
        List<TargetAttainmentChanged> first = await().atMost(Duration.ofSeconds(30)).until(() -> published(directiveId, "T9"),
                list -> list.stream().anyMatch(e -> e.unitId() == null));
        assertThat(first).filteredOn(e -> e.unitId() == null && e.period().equals("2025"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("NOT_MET"));

        // the youth union's revised report supports an area: T9 is met, and that change is published
        Unit youth = organisations.stream().filter(u -> u.code().equals("DT-YOUTH_UNION")).findFirst().orElseThrow();
        Map<String, Integer> revised = figures2025(youth, -1);
        revised.put("DISADVANTAGED_AREAS_SUPPORTED", 1);
        facts.report(youth.code(), 2, "DV-NAM", "2025", revised);
        await().atMost(Duration.ofSeconds(30)).until(() -> whole(attainmentOf(directiveId, "T9", "2025")),
                w -> "MET".equals(w.get("status")));
        assertThat(changes.recompute(directive, january)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> published(directiveId, "T9").stream()
                .anyMatch(e -> e.unitId() == null && e.status().equals("MET")
                        && "NOT_MET".equals(e.previousStatus())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published(directiveId, "T9"))
                .filteredOn(e -> id("DT-YOUTH_UNION").equals(e.unitId()))
                .extracting(TargetAttainmentChanged::status).containsExactly("NOT_MET", "MET"));

        // mid-2026 the district's front has held no supervision yet: at its pace the year is at risk
        for (Unit unit : organisations.stream().filter(u -> u.level().equals("DISTRICT")).toList()) {
            facts.report(unit.code(), 1, "DV-6T", "2026H1", Map.of("SUPERVISION_SESSIONS", unit.kind().equals("FATHERLAND_FRONT") ? 0 : 1));
        }
        LocalDate midYear = LocalDate.of(2026, 7, 1);
        AttainmentView running = await().atMost(Duration.ofSeconds(30)).until(
                () -> attainment.evaluate(directiveId, "T12", "2026", midYear),
                v -> v.units().stream().filter(u -> u.value() != null).count() == 5);
        assertThat(running.elapsedShare()).isEqualByComparingTo("0.4986");
        assertThat(running.units()).filteredOn(u -> u.code().equals("DT-FATHERLAND_FRONT")).singleElement()
                .satisfies(u -> assertThat(u.status()).isEqualTo(AttainmentStatus.AT_RISK));
        assertThat(running.units()).filteredOn(u -> u.code().equals("DT-FARMERS_UNION")).singleElement()
                .satisfies(u -> assertThat(u.status()).isEqualTo(AttainmentStatus.MET));
        assertThat(running.whole().status()).isEqualTo(AttainmentStatus.AT_RISK);
    }
}
