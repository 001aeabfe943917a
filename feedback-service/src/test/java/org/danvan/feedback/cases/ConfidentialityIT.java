package org.danvan.feedback.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.danvan.contracts.Topics;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

/**
 * A denunciation from filing to resolution, including a refused and a granted look at the denouncer: no
 * Kafka record on any topic, no log line and no stored case document carries any of the denouncer's
 * identity values; the identity store holds only ciphertext.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
class ConfidentialityIT {

    private static final List<String> SECRETS = List.of("Bùi Thị Kim Ngân", "Bui Thi Kim Ngan", "079188001234",
            "Số 12 hẻm 4 đường Trần Phú", "0903111222", "kimngan.bui@example.vn");

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UnitDirectory directory;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OverdueCheck overdue;
    @Autowired
    Clock clock;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(Topics.all().stream().map(t -> t.name()).toArray(String[]::new));
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void noIdentityValueLeavesTheVault(CapturedOutput output) {
        FeedbackTestTree tree = new FeedbackTestTree(http, probe, directory);
        var filed = tree.post("/api/v1/cases", Map.of("kind", "DENUNCIATION", "subject", "Tố cáo sai phạm trong cấp phép xây dựng",
                "content", "Cán bộ xã nhận tiền để cấp phép xây dựng trái quy định.", "areaUnitId", tree.villageA,
                "citizen", Map.of("name", SECRETS.get(0), "idNumber", SECRETS.get(2), "address", SECRETS.get(3),
                        "phone", SECRETS.get(4), "email", SECRETS.get(5))), null);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) filed.getBody().get("id");
        tree.post("/api/v1/cases/" + id + "/accept", Map.of("complexity", "VERY_COMPLEX"), tree.reviewerA);
        tree.post("/api/v1/cases/" + id + "/extend", Map.of("reason", "Xác minh hồ sơ cấp phép"), tree.reviewerA);
        assertThat(tree.get("/api/v1/cases/" + id + "/identity?purpose=tham-tra", tree.reviewerA).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tree.list("/api/v1/cases/" + id + "/identity?purpose=bao-ve-nguoi-to-cao", tree.handlerA).getBody())
                .singleElement().satisfies(person -> assertThat(person).containsEntry("name", SECRETS.get(0)));
        tree.post("/api/v1/cases/" + id + "/resolve", Map.of("summary", "Kết luận: tố cáo đúng một phần"), tree.reviewerA);
        overdue.markOverdue(LocalDate.now(clock).plusYears(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.events(id).stream()
                .filter(r -> r.topic().equals(FeedbackContract.CASES.name())).count() >= 4);

        List<ConsumerRecord<String, byte[]>> records = probe.records();
        assertThat(records).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
            StringBuilder text = new StringBuilder(String.valueOf(record.key())).append(new String(record.value(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                text.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(text.toString()).as("record on %s", record.topic()).doesNotContain(SECRETS);
        }
        assertThat(output.getAll()).isNotBlank().doesNotContain(SECRETS);
        for (Document stored : mongo.getCollection("cases").find()) {
            assertThat(stored.toJson()).doesNotContain(SECRETS);
        }
        for (Document sealed : mongo.getCollection("identities").find()) {
            assertThat(sealed.toJson()).doesNotContain(SECRETS).contains("ciphertext");
        }
    }
}
