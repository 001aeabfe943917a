package org.danvan.feedback.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.danvan.contracts.Topics;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person files two complaints and a denunciation (Law on Denunciations 2018, art. 47–48). The complaints
 * share the person's pseudonym, so repeat filings show; the denunciation's pseudonym is its own, and nothing a
 * cadre, a reviewer, a confidential handler or an operator can read — views, lists, search, hotspots, duplicate
 * suggestions, events, logs — carries anything that links it to the complaints.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
class UnlinkableDenouncerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> PERSON = Map.of("name", "Trần Văn Hùng", "idNumber", "052077009876",
            "phone", "0912000111");
    private static EventProbe probe;

    @Autowired
    TestRestTemplate http;
    @Autowired
    UnitDirectory directory;

    @BeforeAll
    static void subscribe() {
        probe = new EventProbe(Topics.all().stream().map(t -> t.name()).toArray(String[]::new));
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    private String file(FeedbackTestTree tree, String kind, String subject) {
        var filed = tree.post("/api/v1/cases", Map.of("kind", kind, "subject", subject,
                "content", subject + " ở thôn Phú Thạnh.", "areaUnitId", tree.villageA, "citizen", PERSON), null);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) filed.getBody().get("id");
    }

    private String text(FeedbackTestTree tree, String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(tree.headers(token, null)), String.class).getBody();
    }

    private static String pseudonym(Map<String, Object> view) {
        return ((List<String>) view.get("complainants")).getFirst();
    }

    @Test
    void aDenunciationCarriesNothingThatLinksItToTheSamePersonsOtherFilings(CapturedOutput output) {
        FeedbackTestTree tree = new FeedbackTestTree(http, probe, directory);
        String complaint = file(tree, "COMPLAINT", "Khiếu nại quyết định thu hồi đất");
        String denunciation = file(tree, "DENUNCIATION", "Tố cáo cán bộ địa chính nhận tiền");
        String secondComplaint = file(tree, "COMPLAINT", "Khiếu nại lần nữa về thu hồi đất");

        String person = pseudonym(tree.get("/api/v1/cases/" + complaint, tree.reviewerA).getBody());
        assertThat(pseudonym(tree.get("/api/v1/cases/" + secondComplaint, tree.reviewerA).getBody()))
                .as("a person's complaints show as repeat filings").isEqualTo(person);

        String operator = TestTokens.issue("operator", null, "operator");
        String cadreA = TestTokens.issue("cadre-a", tree.communeA, "cadre");
        List<String> readers = List.of(cadreA, tree.reviewerA, tree.handlerA, tree.provinceReviewer, operator);
        List<String> seen = new ArrayList<>();
        String denouncer = null;
        for (String reader : readers) {
            var view = tree.get("/api/v1/cases/" + denunciation, reader);
            if (view.getStatusCode() == HttpStatus.OK) {
                denouncer = pseudonym(view.getBody());
                seen.add(text(tree, "/api/v1/cases/" + denunciation, reader));
            }
            for (String path : List.of("/api/v1/cases", "/api/v1/cases?q=thu+hoi+dat", "/api/v1/cases?q=to+cao",
                    "/api/v1/cases/hotspots", "/api/v1/cases/" + denunciation + "/duplicates",
                    "/api/v1/cases/" + complaint + "/duplicates")) {
                seen.add(text(tree, path, reader));
            }
        }
        assertThat(denouncer).as("some staff reads the denunciation").isNotNull().isNotEqualTo(person);
        String denunciationPseudonym = denouncer;
        // every case anywhere in those answers, with the pseudonyms shown on it: the denunciation's appear on no other
        Map<String, Set<String>> shown = new HashMap<>();
        seen.stream().filter(body -> body != null && !body.isBlank()).map(JSON::readTree)
                .forEach(json -> json.findParents("complainants").forEach(c -> c.get("complainants").forEach(
                        p -> shown.computeIfAbsent(c.get("id").asString(), k -> new HashSet<>()).add(p.asString()))));
        assertThat(shown).containsKeys(complaint, denunciation, secondComplaint);
        shown.forEach((caseId, pseudonyms) -> {
            if (!caseId.equals(denunciation)) {
                assertThat(pseudonyms).as("case %s", caseId).doesNotContain(denunciationPseudonym);
            }
        });
        assertThat(shown.get(denunciation)).containsExactly(denunciationPseudonym);

        await().atMost(Duration.ofSeconds(30)).until(() -> probe.events(denunciation).size() >= 1);
        for (ConsumerRecord<String, byte[]> record : probe.records()) {
            StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                text.append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(text.toString()).as("record on %s", record.topic()).doesNotContain(person, denunciationPseudonym);
        }
        assertThat(output.getAll()).doesNotContain(person, denunciationPseudonym);
    }
}
