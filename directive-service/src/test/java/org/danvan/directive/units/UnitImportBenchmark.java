package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
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
 * and measures for up to {@code danvan.benchmark.minutes} (10) how fast the outbox relay publishes the
 * units' registered events. The store and the broker run in the test JVM, which needs a large heap. Run it with
 * {@code ./mvnw -pl directive-service verify -Dit.test=UnitImportBenchmark -DargLine=-Xmx16g}.
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

    @BeforeEach
    void signIn() {
        // operators administer the tree and see every directive; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

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
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        log.info("BENCHMARK units={} dryRunMs={} importMs={} heapGrowthMb={} (store and broker in this JVM)", units,
                dryRun.getBody().get("durationMs"), imported.getBody().get("durationMs"), (heapAfter - heapBefore) / 1_048_576);
        // the registered events follow through the outbox relay: measure its sustained rate for a while
        long start = System.nanoTime();
        for (int minute = 1; minute <= Integer.getInteger("danvan.benchmark.minutes", 10); minute++) {
            await().pollDelay(Duration.ofMinutes(1)).atMost(Duration.ofMinutes(2)).until(() -> true);
            double published = meters.get("danvan.outbox.published").counter().count() - publishedBefore;
            log.info("BENCHMARK after {} s: {} registered events published ({} per second)",
                    (System.nanoTime() - start) / 1_000_000_000, (long) published,
                    (long) (published * 1e9 / (System.nanoTime() - start)));
            if (published >= units) {
                break;
            }
        }
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
