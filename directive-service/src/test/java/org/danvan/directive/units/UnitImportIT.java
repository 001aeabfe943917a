package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
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

@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class UnitImportIT {

    @Autowired
    TestRestTemplate http;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private ResponseEntity<Map> post(String path, String body, MediaType type, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    @BeforeEach
    void signIn() {
        // operators administer the tree and see every directive; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    @Test
    void aDryRunReportsEveryInvalidRowInTheCallersLanguageAndImportsNothing() {
        String csv = """
                Mã;Tên đơn vị;Loại;Cấp;Mã cấp trên;Ngày thành lập
                %1$s-P;"Tỉnh Lâm Đồng";ADMINISTRATIVE_AREA;PROVINCE;;1976-01-01
                %1$s-D;Huyện Đức Trọng;ADMINISTRATIVE_AREA;DISTRICT;%1$s-P;01/01/1986
                %1$s-D;Huyện trùng mã;ADMINISTRATIVE_AREA;DISTRICT;%1$s-P;01/01/1986
                %1$s-C1;Xã A;ADMINISTRATIVE_AREA;COMMUNE;%1$s-NOWHERE;1986-01-01
                %1$s-C2;Xã B;HAMLET_GROUP;COMMUNE;%1$s-C3;31/02/1986
                %1$s-C3;Xã C;ADMINISTRATIVE_AREA;COMMUNE;%1$s-C2;1986-01-01
                ;Không mã;ADMINISTRATIVE_AREA;VILLAGE;%1$s-D;1990-01-01
                """.formatted(run);

        ResponseEntity<Map> report = post("/api/v1/units/import?dryRun=true", csv, MediaType.parseMediaType("text/csv"), "vi");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody()).containsEntry("rows", 7).containsEntry("imported", 0);
        assertThat(errors(report)).extracting(e -> e.get("row")).containsExactly(3, 4, 5, 6, 7);
        assertThat(errors(report).get(0).toString()).contains("trùng với dòng 2");
        assertThat(errors(report).get(1).toString()).contains("không có đơn vị cấp trên mã " + run + "-NOWHERE");
        assertThat(errors(report).get(2).toString()).contains("HAMLET_GROUP").contains("31/02/1986")
                .contains("vòng lặp");
        assertThat(errors(report).get(3).toString()).contains("vòng lặp");
        assertThat(errors(report).get(4).toString()).contains("thiếu trường code");
        assertThat(http.getForEntity("/api/v1/units/" + run + "-P", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> real = post("/api/v1/units/import", csv, MediaType.parseMediaType("text/csv"), "en");
        assertThat(real.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(errors(real).get(0).toString()).contains("repeats row 2");
        assertThat(http.getForEntity("/api/v1/units/" + run + "-P", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void importsAGeneratedTreeAndPublishesOneRegisteredEventPerUnit() {
        StringBuilder json = new StringBuilder("[");
        List<String> codes = new ArrayList<>();
        row(json, codes, run + "-P", "Tỉnh Thử Nghiệm", "PROVINCE", null);
        for (int d = 0; d < 10; d++) {
            String district = run + "-D" + d;
            row(json, codes, district, "Huyện Đức Trọng " + d, "DISTRICT", run + "-P");
            for (int c = 0; c < 20; c++) {
                String commune = district + "-C" + c;
                row(json, codes, commune, "Xã Hiệp Thạnh " + d + "." + c, "COMMUNE", district);
                for (int v = 0; v < 10; v++) {
                    row(json, codes, commune + "-V" + v, "Thôn " + v, "VILLAGE", commune);
                }
            }
        }
        json.setCharAt(json.length() - 1, ']');

        try (EventProbe probe = new EventProbe(DirectiveContract.UNITS.name())) {
            ResponseEntity<Map> report = post("/api/v1/units/import", json.toString(), MediaType.APPLICATION_JSON, "en");

            assertThat(report.getStatusCode()).as("%s", report.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(report.getBody()).containsEntry("imported", codes.size());
            assertThat(codes).hasSize(2211);
            Map<?, ?> children = http.getForObject("/api/v1/units/" + run + "-D3/children?asOf=2024-01-01&size=5", Map.class);
            assertThat(((Number) children.get("total")).intValue()).isEqualTo(20);
            Map<?, ?> found = http.getForObject("/api/v1/units?q=hiep thanh 3.1&level=COMMUNE&asOf=2024-01-01&size=100", Map.class);
            assertThat((List<?>) found.get("items")).anySatisfy(u -> assertThat(((Map<?, ?>) u).get("code")).isEqualTo(run + "-D3-C1"));

            await().atMost(Duration.ofSeconds(90)).until(() -> probe.records().stream()
                    .filter(r -> r.key() != null && r.key().startsWith(run)).map(r -> r.key()).distinct().count() == codes.size());
        }
    }

    private static void row(StringBuilder json, List<String> codes, String code, String name, String level, String parent) {
        json.append("{\"mã\":\"").append(code).append("\",\"tên\":\"").append(name)
                .append("\",\"loại\":\"ADMINISTRATIVE_AREA\",\"cấp\":\"").append(level)
                .append("\",\"ngày thành lập\":\"2000-01-01\"");
        if (parent != null) {
            json.append(",\"mã cấp trên\":\"").append(parent).append('"');
        }
        json.append("},");
        codes.add(code);
    }
}
