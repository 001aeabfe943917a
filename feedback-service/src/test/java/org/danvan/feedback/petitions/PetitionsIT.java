package org.danvan.feedback.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.cases.FeedbackTestTree;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Petitions from opening through thresholds, fraud signals and the answer. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class PetitionsIT {

    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UnitDirectory directory;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Petitions petitions;

    private FeedbackTestTree tree;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(FeedbackContract.PETITIONS.name(), FeedbackContract.SESSIONS.name(), FeedbackContract.CASES.name());
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @BeforeEach
    void tree() {
        tree = new FeedbackTestTree(http, probe, directory);
    }

    private ResponseEntity<Map<String, Object>> sign(String petitionId, String name, String idNumber, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return http.exchange("/api/v1/petitions/" + petitionId + "/signatures", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", name, "idNumber", idNumber), headers), new ParameterizedTypeReference<>() { });
    }

    private static String idNumber(int n) {
        return String.format("0791%08d", n);
    }

    @Test
    void aPetitionCountsEachPersonOnceCreatesItsDutyAtTheThresholdFlagsFraudAndKeepsItsCountsWhenAnswered() {
        var opened = tree.post("/api/v1/petitions", Map.of("title", "Kiến nghị sửa đường liên xã Đức Trọng",
                "text", "Đề nghị sửa chữa đoạn đường xuống cấp.", "responsibleUnitId", tree.communeA,
                "signingClosesOn", TestClock.instance().today().plusDays(30).toString()), tree.reviewerA);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) opened.getBody().get("id");
        assertThat(tree.post("/api/v1/petitions", Map.of("title", "x", "text", "y", "responsibleUnitId", tree.communeA,
                "signingClosesOn", TestClock.instance().today().plusDays(3).toString()), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        for (int i = 0; i < 98; i++) {
            assertThat(sign(id, "Người ký " + i, idNumber(i), "10.0." + (i / 10) + "." + i).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        // the same person again, even written with spaces and dots, is refused; three tries are flagged
        for (int attempt = 0; attempt < 3; attempt++) {
            ResponseEntity<Map<String, Object>> again = sign(id, "Người ký 0", "0791 0000.0000", "10.9.9.9");
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getBody()).containsEntry("type", "https://danvan.org/problems/petition-already-signed");
        }
        var sheet = tree.post("/api/v1/petitions/" + id + "/paper-signatures", Map.of("sheetRef", "Tờ số 1",
                "signatures", List.of(Map.of("name", "Người ký 5", "idNumber", idNumber(5)),
                        Map.of("name", "Bà Lan", "idNumber", idNumber(1000)), Map.of("name", "Ông Tư", "idNumber", idNumber(1001)))),
                tree.reviewerA);
        assertThat(sheet.getBody()).containsEntry("accepted", 2).containsEntry("alreadySigned", List.of(0));
        Map<String, Object> petition = (Map<String, Object>) sheet.getBody().get("petition");
        assertThat(petition).containsEntry("signatures", 100).containsEntry("onlineSignatures", 98).containsEntry("paperSignatures", 2);
        assertThat((List<Map<String, Object>>) petition.get("duties")).singleElement().satisfies(duty -> assertThat(duty)
                .containsEntry("kind", "WRITTEN_RESPONSE").containsEntry("threshold", 100)
                .containsEntry("dueOn", TestClock.instance().today().plusDays(30).toString()));

        // a burst from one address is flagged for review
        for (int i = 0; i < 21; i++) {
            sign(id, "Tài khoản " + i, idNumber(2000 + i), "203.0.113.7");
        }
        Map<String, Object> flagged = tree.get("/api/v1/petitions/" + id, null).getBody();
        assertThat((Map<String, Object>) flagged.get("flags")).containsKeys("BURST_FROM_ONE_SOURCE", "REPEATED_IDENTITY");
        assertThat((List<?>) flagged.get("duties")).hasSize(1);

        var answered = tree.post("/api/v1/petitions/" + id + "/answer", Map.of("answer", "UBND xã sẽ sửa đường trong quý I"), tree.reviewerA);
        assertThat(answered.getBody()).containsEntry("status", "ANSWERED").containsEntry("signatures", 121);
        assertThat((List<Map<String, Object>>) answered.getBody().get("duties")).singleElement()
                .satisfies(duty -> assertThat(duty.get("fulfilledOn")).isNotNull());
        assertThat(sign(id, "Muộn", idNumber(5000), "10.1.1.1").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tree.list("/api/v1/petitions?q=duong lien xa duc trong", null).getBody()).extracting(p -> p.get("id")).contains(id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.eventTypes(id))
                .containsExactly(FeedbackContract.PETITION_OPENED, FeedbackContract.PETITION_THRESHOLD_REACHED, FeedbackContract.PETITION_CLOSED));
        for (ConsumerRecord<String, byte[]> event : probe.events(id)) {
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain("Người ký").doesNotContain("07910000");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDialogueHeldAboutAPetitionFulfilsItsDialogueDutyOnceFromTheSessionEvent() {
        LocalDate today = TestClock.instance().today();
        String id = (String) tree.post("/api/v1/petitions", Map.of("title", "Kiến nghị đối thoại về bãi rác", "text",
                "Đề nghị đối thoại.", "responsibleUnitId", tree.communeA, "signingClosesOn", today.plusDays(30).toString()),
                tree.reviewerA).getBody().get("id");
        // the 500-signature threshold's duty, without collecting 500 signatures
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push("duties", mongo.getConverter()
                .convertToMongoType(new PetitionDocument.Duty(500, PetitionsProperties.Duty.DIALOGUE_SESSION, today,
                        today.plusDays(60), null))), PetitionDocument.class);
        var held = tree.post("/api/v1/sessions", Map.of("kind", "DIALOGUE", "hostUnitId", tree.communeA, "hostName", "Nguyễn Văn An",
                "hostTitle", "Chủ tịch UBND xã", "heldOn", today.minusDays(1).toString(), "place", "Nhà văn hóa thôn",
                "attendees", 40, "petitionId", id), tree.reviewerA);
        assertThat(held.getStatusCode()).as(String.valueOf(held.getBody())).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> fulfilled = await().atMost(Duration.ofSeconds(30)).until(() -> tree.get("/api/v1/petitions/" + id, null).getBody(),
                p -> ((List<Map<String, Object>>) p.get("duties")).getFirst().get("fulfilledOn") != null);
        assertThat(((List<Map<String, Object>>) fulfilled.get("duties")).getFirst()).containsEntry("fulfilledOn", today.minusDays(1).toString());

        petitions.dialogueHeld(id, today);
        assertThat(tree.get("/api/v1/petitions/" + id, null).getBody()).as("a redelivered session event changes nothing")
                .containsEntry("version", fulfilled.get("version")).containsEntry("duties", fulfilled.get("duties"));
    }
}
