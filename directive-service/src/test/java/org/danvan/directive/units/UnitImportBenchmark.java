package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Benchmark, not part of {@code ./mvnw verify}: imports a national-scale tree of 620,010 units (34
 * provinces, 3,300 communes, 100,000 villages, each with its people's committee and five organisations)
 * and waits until every unit's registered event is on Kafka. Run it with
 * {@code ./mvnw -pl directive-service -am verify -Dit.test=UnitImportBenchmark -Dsurefire.skip=true -DfailIfNoTests=false}.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class UnitImportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UnitImportBenchmark.class);
    private static final List<String> ORGANISATIONS = List.of("FATHERLAND_FRONT", "FARMERS_UNION", "WOMENS_UNION",
            "YOUTH_UNION", "VETERANS_ASSOCIATION");

    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;

    @Test
    void importsANationalTree() {
        StringBuilder csv = new StringBuilder("mã,tên,loại,cấp,mã cấp trên,ngày thành lập\n");
        int units = area(csv, "VN", "Trung ương", "CENTRAL", null);
        int commune = 0;
        for (int p = 0; p < 34; p++) {
            String province = "P" + p;
            units += area(csv, province, "Tỉnh " + p, "PROVINCE", "VN");
            int communes = 3300 / 34 + (p < 3300 % 34 ? 1 : 0);
            for (int c = 0; c < communes; c++, commune++) {
                String code = province + "-C" + c;
                units += area(csv, code, "Xã " + p + "." + c, "COMMUNE", province);
                int villages = 100_000 / 3300 + (commune < 100_000 % 3300 ? 1 : 0);
                for (int v = 0; v < villages; v++) {
                    units += area(csv, code + "-V" + v, "Thôn " + v + " xã " + p + "." + c, "VILLAGE", code);
                }
            }
        }
        double publishedBefore = meters.get("danvan.outbox.published").counter().count();
        Runtime.getRuntime().gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        ResponseEntity<Map> dryRun = post(csv, true);
        ResponseEntity<Map> imported = post(csv, false);

        assertThat(imported.getBody()).containsEntry("imported", units).containsEntry("errors", List.of());
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(5))
                .until(() -> meters.get("danvan.outbox.published").counter().count() - publishedBefore >= 620_010);
        long publishSeconds = (System.nanoTime() - start) / 1_000_000_000;
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        log.info("BENCHMARK units={} dryRunMs={} importMs={} eventsPublishedAfterImportS={} heapGrowthMb={}", units,
                dryRun.getBody().get("durationMs"), imported.getBody().get("durationMs"), publishSeconds,
                (heapAfter - heapBefore) / 1_048_576);
    }

    private ResponseEntity<Map> post(CharSequence csv, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.exchange("/api/v1/units/import?dryRun=" + dryRun, HttpMethod.POST,
                new HttpEntity<>(csv.toString(), headers), Map.class);
    }

    /** One area: its people's committee and its five organisations, each under the same kind one level up. */
    private static int area(StringBuilder csv, String code, String name, String level, String parent) {
        csv.append(code).append(",").append(name).append(",PEOPLES_COMMITTEE,").append(level).append(',')
                .append(parent == null ? "" : parent).append(",2000-01-01\n");
        for (String kind : ORGANISATIONS) {
            csv.append(code).append('-').append(kind).append(",").append(kind).append(' ').append(name).append(',')
                    .append(kind).append(',').append(level).append(',')
                    .append(parent == null ? "" : parent + "-" + kind).append(",2000-01-01\n");
        }
        return 6;
    }
}
