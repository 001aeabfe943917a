package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.EventSchemas;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitChanged;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The dated unit tree through the API, with the 2025 reform: Đức Trọng district is dissolved on
 * 2025-07-01 and its communes belong to Lâm Đồng province from then on, while 2021 still reads the old tree.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class UnitTreeIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;

    private String run;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(DirectiveContract.UNITS.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void newTree() {
        // operators administer the tree and see every directive; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
        run = UUID.randomUUID().toString().substring(0, 8);
        register("LD", "Tỉnh Lâm Đồng", "PROVINCE", "1976-01-01", null);
        register("DT", "Huyện Đức Trọng", "DISTRICT", "1986-01-01", "LD");
        register("LH", "Xã Liên Hiệp", "COMMUNE", "1986-01-01", "DT");
        register("HH", "Xã Hiệp Thạnh", "COMMUNE", "1986-01-01", "DT");
        register("LH-T1", "Thôn Phi Nôm", "VILLAGE", "1990-01-01", "LH");
        register("HH-T1", "Thôn Trung Hiệp", "VILLAGE", "1990-01-01", "HH");
    }

    private String code(String local) {
        return run + "-" + local;
    }

    private ResponseEntity<Map> register(String code, String name, String level, String openedOn, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code(code), "name", name, "kind", "ADMINISTRATIVE_AREA",
                "level", level, "openedOn", openedOn));
        if (parent != null) {
            body.put("parentId", code(parent));
        }
        ResponseEntity<Map> created = http.postForEntity("/api/v1/units", body, Map.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created;
    }

    private ResponseEntity<Map> post(String path, Map<String, ?> body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private List<String> codes(String path) {
        Object body = http.getForObject(path, Object.class);
        List<Map<String, Object>> items = body instanceof Map<?, ?> page ? (List<Map<String, Object>>) page.get("items")
                : (List<Map<String, Object>>) body;
        // other tests' trees share the store: keep this test's units only
        return items.stream().map(u -> (String) u.get("code")).filter(c -> c.startsWith(run + "-"))
                .map(c -> c.substring(run.length() + 1)).toList();
    }

    private void dissolveDistrict() {
        String etag = http.getForEntity("/api/v1/units/" + code("DT"), Map.class).getHeaders().getETag();
        ResponseEntity<Map> closed = post("/api/v1/units/" + code("DT") + "/close",
                Map.of("closedOn", "2025-07-01", "successorUnitId", code("LD")), etag);
        assertThat(closed.getStatusCode()).as("%s", closed.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theAbolishedDistrictStillHoldsItsCommunesIn2021ButNotAfter2025Reform() {
        dissolveDistrict();

        assertThat(codes("/api/v1/units/" + code("DT") + "/children?asOf=2021-06-30")).containsExactly("HH", "LH");
        assertThat(codes("/api/v1/units/" + code("DT") + "/children?asOf=2025-07-01")).isEmpty();
        assertThat(codes("/api/v1/units/" + code("LD") + "/children?asOf=2021-06-30")).containsExactly("DT");
        assertThat(codes("/api/v1/units/" + code("LD") + "/children?asOf=2025-12-31")).containsExactly("HH", "LH");
        assertThat(codes("/api/v1/units/" + code("LH-T1") + "/ancestors?asOf=2021-06-30")).containsExactly("LH", "DT", "LD");
        assertThat(codes("/api/v1/units/" + code("LH-T1") + "/ancestors?asOf=2025-07-01")).containsExactly("LH", "LD");
        assertThat(codes("/api/v1/units/" + code("LD") + "/subtree?asOf=2021-06-30&depth=3"))
                .containsExactly("LD", "DT", "HH", "LH", "LH-T1", "HH-T1"); // by name within each level
        assertThat(codes("/api/v1/units/" + code("LD") + "/subtree?asOf=2026-01-01&depth=1")).containsExactly("LD", "HH", "LH");

        Map<?, ?> district = http.getForObject("/api/v1/units/" + code("DT"), Map.class);
        assertThat(district.get("closedOn")).isEqualTo("2025-07-01");
        assertThat(district.get("successorUnitId")).isEqualTo(code("LD"));
    }

    @Test
    void aMergedCommuneHandsItsVillagesToItsSuccessorFromTheMergeOn() {
        ResponseEntity<Map> merged = post("/api/v1/units/" + code("HH") + "/close",
                Map.of("closedOn", "2024-01-01", "successorUnitId", code("LH")), null);
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(codes("/api/v1/units/" + code("LH") + "/children?asOf=2023-12-31")).containsExactly("LH-T1");
        assertThat(codes("/api/v1/units/" + code("LH") + "/children?asOf=2024-01-01")).containsExactly("LH-T1", "HH-T1");
        assertThat(codes("/api/v1/units/" + code("DT") + "/children?asOf=2024-06-01")).containsExactly("LH");
    }

    @Test
    void aMoveKeepsTheOldParentForEarlierDates() {
        register("BL", "Huyện Bảo Lộc", "DISTRICT", "1986-01-01", "LD");

        ResponseEntity<Map> moved = post("/api/v1/units/" + code("HH") + "/move",
                Map.of("newParentId", code("BL"), "validFrom", "2022-01-01"), null);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(codes("/api/v1/units/" + code("HH") + "/ancestors?asOf=2021-12-31")).containsExactly("DT", "LD");
        assertThat(codes("/api/v1/units/" + code("HH") + "/ancestors?asOf=2022-01-01")).containsExactly("BL", "LD");
        assertThat((List<?>) moved.getBody().get("parents")).hasSize(2);
    }

    @Test
    void aRenameKeepsTheOldNameForEarlierDates() {
        ResponseEntity<Map> renamed = post("/api/v1/units/" + code("LH") + "/rename",
                Map.of("name", "Xã Liên Hiệp Mới", "validFrom", "2024-01-01"), null);
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(http.getForObject("/api/v1/units/" + code("LH") + "?asOf=2023-12-31", Map.class).get("name"))
                .isEqualTo("Xã Liên Hiệp");
        assertThat(http.getForObject("/api/v1/units/" + code("LH") + "?asOf=2024-01-01", Map.class).get("name"))
                .isEqualTo("Xã Liên Hiệp Mới");
        ResponseEntity<Map> backdated = post("/api/v1/units/" + code("LH") + "/rename",
                Map.of("name", "Xã khác", "validFrom", "2023-06-01"), null);
        assertThat(backdated.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(backdated.getBody().get("type")).isEqualTo("https://danvan.org/problems/unit-date-order");
    }

    @Test
    void searchIgnoresDiacriticsAndCaseAndHonoursTheDate() {
        dissolveDistrict();

        assertThat(codes("/api/v1/units?q=duc trong&asOf=2021-06-30&size=1000")).contains("DT");
        assertThat(codes("/api/v1/units?q=ĐỨC TRỌNG&asOf=2021-06-30&size=1000")).contains("DT");
        assertThat(codes("/api/v1/units?q=duc trong&asOf=2025-07-02&size=1000")).doesNotContain("DT");
        Map<?, ?> page = http.getForObject("/api/v1/units?q=" + "thon&level=VILLAGE&asOf=2021-06-30&size=1", Map.class);
        assertThat((List<?>) page.get("items")).hasSize(1);
        assertThat(((Number) page.get("total")).intValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesWrongLevelsStaleVersionsAndUnknownUnitsWithProblems() {
        ResponseEntity<Map> upward = post("/api/v1/units/" + code("LD") + "/move",
                Map.of("newParentId", code("LH"), "validFrom", "2022-01-01"), null);
        assertThat(upward.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(upward.getBody().get("type")).isEqualTo("https://danvan.org/problems/unit-parent-level");

        register("BDV", "Ban Dân vận Tỉnh ủy", "PROVINCE", "1976-01-01", "LD");
        ResponseEntity<Map> cycle = post("/api/v1/units/" + code("LD") + "/move",
                Map.of("newParentId", code("BDV"), "validFrom", "2022-01-01"), null);
        assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(cycle.getBody().get("type")).isEqualTo("https://danvan.org/problems/unit-cycle");

        ResponseEntity<Map> stale = post("/api/v1/units/" + code("LH") + "/rename",
                Map.of("name", "Xã Liên Hiệp mới", "validFrom", "2022-01-01"), "\"99\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody().get("detail")).isEqualTo("Version \"99\" is no longer the current one (\"1\"); read it again and retry.");

        ResponseEntity<Map> unknownParent = post("/api/v1/units", Map.of("code", code("X"), "name", "X", "kind",
                "ADMINISTRATIVE_AREA", "level", "COMMUNE", "openedOn", "2020-01-01", "parentId", "nowhere"), null);
        assertThat(unknownParent.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> unknownLevel = post("/api/v1/units", Map.of("code", code("Y"), "name", "Y", "kind",
                "ADMINISTRATIVE_AREA", "level", "HAMLET", "openedOn", "2020-01-01"), null);
        assertThat(unknownLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknownLevel.getBody().get("detail")).contains("HAMLET").contains("COMMUNE");

        assertThat(post("/api/v1/units", Map.of("code", code("LD"), "name", "again", "kind", "ADMINISTRATIVE_AREA",
                "level", "PROVINCE", "openedOn", "2020-01-01"), null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void everyChangeIsAValidUnitEventFromWhichAnotherConsumerRebuildsTheDatedTree() {
        dissolveDistrict();

        Map<String, CloudEvent> latest = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : probe.records()) {
                if (record.key() != null && record.key().startsWith(run)) {
                    latest.merge(record.key(), KafkaCloudEvents.read(record.headers(), record.value()),
                            (a, b) -> version(b) >= version(a) ? b : a);
                }
            }
            return latest.size() == 6 && latest.get(code("DT")).type().equals(DirectiveContract.UNIT_CLOSED)
                    && latest.get(code("LH")).type().equals(DirectiveContract.UNIT_CHANGED);
        });

        latest.values().forEach(event -> assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty());
        UnitChanged commune = EventJson.read(latest.get(code("LH")).data(), UnitChanged.class);
        assertThat(commune.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(commune.newParentId()).isEqualTo(code("LD"));
        assertThat(commune.parents()).containsExactly(
                new ParentLink(code("DT"), LocalDate.of(1986, 1, 1), LocalDate.of(2025, 7, 1)),
                new ParentLink(code("LD"), LocalDate.of(2025, 7, 1), null));
    }

    private static long version(CloudEvent event) {
        return EventJson.read(event.data(), VersionOnly.class).version();
    }

    record VersionOnly(long version) {
    }
}
