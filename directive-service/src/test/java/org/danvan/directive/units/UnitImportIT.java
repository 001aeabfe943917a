package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestClock;
import org.danvan.testsupport.TestTokens;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
// batches small enough for a few thousand rows to take several
@TestPropertySource(properties = "danvan.units.import.batch-size=500")
class UnitImportIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoTemplate mongo;

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
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

    @AfterEach
    void unpinClock() {
        TestClock.instance().reset();
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

        ResponseEntity<Map> report = post("/api/v1/units/imports?dryRun=true", csv, CSV, "vi");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody()).containsEntry("dryRun", true).containsEntry("rows", 7).containsEntry("imported", 0)
                .containsEntry("rowsAtFault", 5);
        assertThat(errors(report)).extracting(e -> e.get("row")).containsExactly(3, 4, 5, 6, 7);
        assertThat(errors(report).get(0).toString()).contains("trùng với dòng 2");
        assertThat(errors(report).get(1).toString()).contains("không có đơn vị cấp trên mã " + run + "-NOWHERE");
        assertThat(errors(report).get(2).toString()).contains("HAMLET_GROUP").contains("31/02/1986")
                .contains("vòng lặp");
        assertThat(errors(report).get(3).toString()).contains("vòng lặp");
        assertThat(errors(report).get(4).toString()).contains("thiếu trường code");
        assertThat(http.getForEntity("/api/v1/units/" + run + "-P", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // the import itself runs as a job, refused with the same report in the language it was started in
        Map<String, Object> job = UnitImportJobsClient.ended(http, UnitImportJobsClient.start(http, csv, CSV, "en"), "vi",
                Duration.ofSeconds(30));
        assertThat(job).containsEntry("phase", "FAILED").containsEntry("rowsTotal", 7).containsEntry("rowsDone", 0);
        Map<String, Object> refused = (Map<String, Object>) job.get("report");
        assertThat(((List<?>) refused.get("errors")).get(0).toString()).contains("repeats row 2");
        assertThat((Map<String, Object>) job.get("problem")).containsEntry("reason", "ROW_ERRORS")
                .containsEntry("detail", "5 dòng lỗi trong 7 dòng; chưa nhập đơn vị nào. Sửa các dòng này rồi nhập lại tệp.");
        assertThat(http.getForEntity("/api/v1/units/" + run + "-P", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void importsAGeneratedTreeBatchByBatchForItsOwnerOnlyAndPublishesOneRegisteredEventPerUnit() {
        List<String> codes = new ArrayList<>();
        String json = tree(codes, "Xã Hiệp Thạnh");

        try (EventProbe probe = new EventProbe(DirectiveContract.UNITS.name())) {
            URI location = UnitImportJobsClient.start(http, json, MediaType.APPLICATION_JSON, "en");

            assertThat(location.getPath()).startsWith("/api/v1/units/imports/");
            // rows done, as often as it can be read, only ever rises, a whole batch at a time, to the total
            List<Integer> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                Map<String, Object> job = UnitImportJobsClient.read(http, location, "en");
                seen.add((Integer) job.get("rowsDone"));
                return "DONE".equals(job.get("phase"));
            });
            assertThat(seen).isSorted().last().isEqualTo(codes.size());
            assertThat(seen).allMatch(done -> done % 500 == 0 || done == codes.size());
            Map<String, Object> done = UnitImportJobsClient.read(http, location, "en");
            assertThat(done).containsEntry("rowsTotal", 2211).containsEntry("fileName", "units").containsKey("endedAt");
            assertThat((Map<String, Object>) done.get("report")).containsEntry("imported", 2211).containsEntry("errors", List.of());
            assertThat(asAnotherOperator(location).getStatusCode()).as("another operator's import").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.getForEntity("/api/v1/units/imports/" + UUID.randomUUID(), Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            Map<?, ?> children = http.getForObject("/api/v1/units/" + run + "-D3/children?asOf=2024-01-01&size=5", Map.class);
            assertThat(((Number) children.get("total")).intValue()).isEqualTo(20);
            Map<?, ?> found = http.getForObject("/api/v1/units?q=hiep thanh 3.1&level=COMMUNE&asOf=2024-01-01&size=100", Map.class);
            assertThat((List<?>) found.get("items")).anySatisfy(u -> assertThat(((Map<?, ?>) u).get("code")).isEqualTo(run + "-D3-C1"));

            // every imported unit's registration published, each event counted once by its id
            await().atMost(Duration.ofSeconds(90)).until(() -> probe.records().stream()
                    .filter(r -> r.key() != null && r.key().startsWith(run))
                    .filter(r -> DirectiveContract.UNIT_REGISTERED.equals(EventProbe.header(r, "ce_type")))
                    .map(r -> EventProbe.header(r, "ce_id")).distinct().count() == codes.size());
        }
    }

    @Test
    void importingTheSameFileAgainSkipsTheUnitsAlreadyRegisteredButAUnitChangedSinceIsARowError() {
        List<String> codes = new ArrayList<>();
        String json = tree(codes, "Xã Hiệp Thạnh");
        assertThat(UnitImportJobsClient.ended(http, UnitImportJobsClient.start(http, json, MediaType.APPLICATION_JSON, "en"),
                "en", Duration.ofSeconds(60))).containsEntry("phase", "DONE");

        Map<String, Object> again = UnitImportJobsClient.ended(http,
                UnitImportJobsClient.start(http, json, MediaType.APPLICATION_JSON, "en"), "en", Duration.ofSeconds(60));

        assertThat(again).containsEntry("phase", "DONE").containsEntry("rowsDone", codes.size());
        assertThat((Map<String, Object>) again.get("report")).containsEntry("imported", 0)
                .containsEntry("alreadyRegistered", codes.size());
        assertThat(http.postForEntity("/api/v1/units/" + run + "-D0-C0/rename", Map.of("name", "Xã Mới", "validFrom", "2025-07-01"),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> changed = UnitImportJobsClient.ended(http,
                UnitImportJobsClient.start(http, json, MediaType.APPLICATION_JSON, "en"), "en", Duration.ofSeconds(60));
        assertThat(changed).containsEntry("phase", "FAILED");
        assertThat(((List<?>) ((Map<String, Object>) changed.get("report")).get("errors")))
                .singleElement().asString().contains("a unit with code " + run + "-D0-C0 already exists");
    }

    @Test
    void aJobItsServiceLeftRunningIsShownInterruptedWithItsRowsDone() {
        Instant now = Instant.parse("2026-03-10T02:00:00Z");
        TestClock.instance().pin(now);
        UnitImportJob dead = UnitImportJob.queued("test-operator", "tinh.csv", 20_010, now.minus(Duration.ofMinutes(10)));
        dead.start(now.minus(Duration.ofMinutes(9)));
        dead.progress(6000, now.minus(Duration.ofMinutes(3)));
        UnitImportJob alive = UnitImportJob.queued("test-operator", "tinh.csv", 20_010, now.minus(Duration.ofMinutes(2)));
        alive.start(now.minus(Duration.ofMinutes(1)));
        mongo.insert(dead);
        mongo.insert(alive);

        Map<String, Object> interrupted = UnitImportJobsClient.read(http, URI.create("/api/v1/units/imports/" + dead.id), "vi");

        assertThat(interrupted).containsEntry("phase", "FAILED").containsEntry("rowsDone", 6000);
        assertThat((Map<String, Object>) interrupted.get("problem")).containsEntry("reason", "INTERRUPTED")
                .extracting(problem -> problem.get("detail")).asString()
                .contains("6.000 trong 20.010 dòng").contains("Nhập lại đúng tệp này là an toàn");
        assertThat(UnitImportJobsClient.read(http, URI.create("/api/v1/units/imports/" + alive.id), "vi"))
                .containsEntry("phase", "IMPORTING").containsEntry("problem", null);
    }

    private ResponseEntity<Map> asAnotherOperator(URI job) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.issue("another-operator", null, "operator"));
        return http.exchange(job.getPath(), HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    /** A province of this run: 10 districts of 20 communes of 10 villages, 2,211 units, as a JSON array. */
    private String tree(List<String> codes, String communeName) {
        StringBuilder json = new StringBuilder("[");
        row(json, codes, run + "-P", "Tỉnh Thử Nghiệm", "PROVINCE", null);
        for (int d = 0; d < 10; d++) {
            String district = run + "-D" + d;
            row(json, codes, district, "Huyện Đức Trọng " + d, "DISTRICT", run + "-P");
            for (int c = 0; c < 20; c++) {
                String commune = district + "-C" + c;
                row(json, codes, commune, communeName + " " + d + "." + c, "COMMUNE", district);
                for (int v = 0; v < 10; v++) {
                    row(json, codes, commune + "-V" + v, "Thôn " + v, "VILLAGE", commune);
                }
            }
        }
        json.setCharAt(json.length() - 1, ']');
        return json.toString();
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
