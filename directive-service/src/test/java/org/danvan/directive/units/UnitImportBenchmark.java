package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Benchmark, not part of {@code ./mvnw verify}: imports a tree of {@code danvan.benchmark.provinces} provinces,
 * {@code communes} communes and {@code villages} villages under the central level, each area with its people's
 * committee and five organisations (6 units per area), then measures how long the outbox relay takes to
 * publish every unit's registered event (for up to {@code danvan.benchmark.minutes}, 10). The import is a job,
 * followed as a client would (read every 500 ms; {@code -Ddanvan.units.import.batch-size} sets its batch). Side by side, in
 * the same run, its ceiling: the store's own unordered {@code insertMany} of as many unit-sized documents.
 * The store and the broker run in the test JVM; {@code -Ddanvan.test.store=h2} puts the store on the H2
 * backend that {@code ./danvan up} runs. Each phase's CPU time is logged beside its wall time: this machine is
 * shared, and CPU time is what stays comparable between runs. Commands and figures: README, Benchmarks.
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
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void signIn() {
        // operators administer the tree and see every directive; the access rules have their own test
        TestTokens.authorize(http.getRestTemplate(), TestTokens.issue("test-operator", null, "operator"));
    }

    @Test
    void importsATree() {
        int provinces = Integer.getInteger("danvan.benchmark.provinces", 1);
        int allCommunes = Integer.getInteger("danvan.benchmark.communes", 100);
        int allVillages = Integer.getInteger("danvan.benchmark.villages", 3233);
        StringBuilder csv = new StringBuilder("mã,tên,loại,cấp,mã cấp trên,ngày thành lập\n");
        int units = area(csv, "VN", "Trung ương", "CENTRAL", null);
        int commune = 0;
        for (int p = 0; p < provinces; p++) {
            String province = "P" + p;
            units += area(csv, province, "Tỉnh " + p, "PROVINCE", "VN");
            int communes = allCommunes / provinces + (p < allCommunes % provinces ? 1 : 0);
            for (int c = 0; c < communes; c++, commune++) {
                String code = province + "-C" + c;
                units += area(csv, code, "Xã " + p + "." + c, "COMMUNE", province);
                int villages = allVillages / allCommunes + (commune < allVillages % allCommunes ? 1 : 0);
                for (int v = 0; v < villages; v++) {
                    units += area(csv, code + "-V" + v, "Thôn " + v + " xã " + p + "." + c, "VILLAGE", code);
                }
            }
        }
        long ceilingCpu = cpuMs();
        long ceilingMs = rawInsertMany(units);
        ceilingCpu = cpuMs() - ceilingCpu;
        double publishedBefore = meters.get("danvan.outbox.published").counter().count();
        Runtime.getRuntime().gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        ResponseEntity<Map> dryRun = http.exchange("/api/v1/units/imports?dryRun=true", HttpMethod.POST,
                new HttpEntity<>(csv.toString(), csvHeaders()), Map.class);
        long start = System.nanoTime();
        long importCpu = cpuMs();
        Map<String, Object> job = UnitImportJobsClient.ended(http,
                UnitImportJobsClient.start(http, csv.toString(), MediaType.parseMediaType("text/csv"), "en"), "en",
                Duration.ofMinutes(30), Duration.ofMillis(500));
        long importMs = (System.nanoTime() - start) / 1_000_000;
        importCpu = cpuMs() - importCpu;

        assertThat((Map<String, Object>) job.get("report")).containsEntry("imported", units).containsEntry("errors", List.of());
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        log.info("BENCHMARK units={} store={} batch={} dryRunMs={} importMs={} (request to the job seen done, read every "
                + "500 ms; the job's own report: {} ms; {} units/s; {} ms of CPU) heapGrowthMb={}", units,
                System.getProperty("danvan.test.store", "memory"), System.getProperty("danvan.units.import.batch-size", "5000"),
                dryRun.getBody().get("durationMs"), importMs, report.get("durationMs"), units * 1000L / Math.max(1, importMs),
                importCpu, (heapAfter - heapBefore) / 1_048_576);
        log.info("BENCHMARK ceiling: the store's own insertMany of {} unit-sized documents took {} ms ({} documents/s; "
                + "{} ms of CPU)", units, ceilingMs, units * 1000L / Math.max(1, ceilingMs), ceilingCpu);
        // the registered events follow through the outbox relay
        long deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("danvan.benchmark.minutes", 10)).toNanos();
        long relayCpu = cpuMs();
        double published = 0;
        while (published < units && System.nanoTime() < deadline) {
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
            published = meters.get("danvan.outbox.published").counter().count() - publishedBefore;
            log.info("BENCHMARK {} s after the import began: {} registered events published ({} per second)",
                    (System.nanoTime() - start) / 1_000_000_000, (long) published,
                    (long) (published * 1e9 / (System.nanoTime() - start)));
        }
        log.info("BENCHMARK the relay's phase used {} ms of CPU (service, store and broker)", cpuMs() - relayCpu);
    }

    /** CPU time of this JVM (service, store and broker): steadier than wall time on a machine others share. */
    private static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** Milliseconds the store takes to insert {@code count} documents shaped like units, in batches of 5,000. */
    private long rawInsertMany(int count) {
        MongoCollection<Document> collection = mongo.getCollection("benchmark_ceiling");
        collection.drop();
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", "B" + i).append("revision", 1).append("name", "Thôn " + i)
                    .append("nameFolded", "thon " + i).append("kind", "PEOPLES_COMMITTEE").append("level", "VILLAGE")
                    .append("parents", List.of(new Document("unitId", "C" + i / 30).append("validFrom", "2000-01-01")))
                    .append("outbox", List.of(new Document("eventId", "e" + i).append("type", "danvan.unit.registered.v1")
                            .append("payload", "{\"unitId\":\"B" + i + "\",\"name\":\"Thôn " + i + "\"}"))));
            if (batch.size() == 5_000 || i == count - 1) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        collection.drop();
        return elapsed;
    }

    private static HttpHeaders csvHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return headers;
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
