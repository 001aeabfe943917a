package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.danvan.reporting.PublishedFacts;
import org.danvan.reporting.PublishedFacts.Unit;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Bình Thuận closed into Lâm Đồng on 1 July 2025 (Resolution 202/2025/QH15): its communes moved to Lâm Đồng, a
 * commune it had abolished earlier did not. Lâm Đồng's cadre reads Bình Thuận's 2014 figures along the old
 * tree; a cadre of a province that absorbed nothing of it does not.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class MergedUnitHistoryIT {

    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void connect() {
        probe = new EventProbe();
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    private ResponseEntity<Map> residents(String unitId, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/api/v1/data-elements/RESIDENTS/values?unit=" + unitId + "&period=2014", HttpMethod.GET,
                new HttpEntity<>(headers), Map.class);
    }

    @Test
    void aSuccessorAndItsAncestorsReadTheHistoryOfTheUnitsItAbsorbed() {
        PublishedFacts facts = new PublishedFacts(probe);
        Unit nation = new Unit("VN", "Trung ương", "PARTY_COMMITTEE", "CENTRAL", null);
        Unit lamDong = new Unit("LD", "Tỉnh ủy Lâm Đồng", "PARTY_COMMITTEE", "PROVINCE", "VN");
        Unit binhThuan = new Unit("BT", "Tỉnh ủy Bình Thuận", "PARTY_COMMITTEE", "PROVINCE", "VN");
        Unit daNang = new Unit("DN", "Thành ủy Đà Nẵng", "PARTY_COMMITTEE", "PROVINCE", "VN");
        Unit phanThiet = new Unit("BT-PT", "Đảng ủy phường Phú Thủy", "PARTY_COMMITTEE", "COMMUNE", "BT");
        Unit abolished = new Unit("BT-OLD", "Đảng ủy xã cũ", "PARTY_COMMITTEE", "COMMUNE", "BT");
        for (Unit unit : new Unit[] {nation, lamDong, binhThuan, daNang, phanThiet, abolished}) {
            facts.register(unit);
        }
        facts.report(phanThiet.code(), 1, "DV-NAM", "2014", Map.of("RESIDENTS", 1200));
        facts.report(abolished.code(), 1, "DV-NAM", "2014", Map.of("RESIDENTS", 300));
        facts.close(abolished, LocalDate.of(2020, 1, 1), null);
        facts.move(phanThiet, lamDong.code(), MERGER);
        facts.close(binhThuan, MERGER, lamDong.code());

        String lamDongCadre = TestTokens.issue("cadre-ld", facts.id(lamDong.code()), "cadre");
        String nationCadre = TestTokens.issue("cadre-vn", facts.id(nation.code()), "cadre");
        String daNangCadre = TestTokens.issue("cadre-dn", facts.id(daNang.code()), "cadre");
        String binhThuanId = facts.id(binhThuan.code());
        // along the tree of 2014: both communes below Bình Thuận
        Map body = await().atMost(Duration.ofSeconds(60)).until(() -> residents(binhThuanId, lamDongCadre),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("value") != null
                        && new BigDecimal(r.getBody().get("value").toString()).intValue() == 1500).getBody();
        assertThat(body).containsEntry("unitId", binhThuanId);
        assertThat(residents(facts.id(abolished.code()), lamDongCadre).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(residents(binhThuanId, nationCadre).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(residents(binhThuanId, daNangCadre).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the export says which tree its figures follow
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(lamDongCadre);
        String csv = http.exchange("/api/v1/indicators/ENROLMENT_RATE/values.csv?unit=" + binhThuanId + "&period=2014",
                HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        assertThat(csv).contains("Số liệu theo cây đơn vị của kỳ 2014, không theo cây hiện tại");
        assertThat(residents(facts.id(abolished.code()), daNangCadre).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
