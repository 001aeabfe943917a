package org.danvan.reporting.duties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.danvan.reporting.PublishedFacts;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Who owes reports on dispatch 246-CV/TU follows its reporting duty: the 25 units its recipients resolve to
 * (seed 002, fixtures {@code quang-ngai-units.json} and {@code 246-CV-TU.json}), every six months and every
 * year, to the Standing Committee via the Ban Dân vận — whose cadre asks who has not reported.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@SuppressWarnings({"unchecked", "rawtypes"})
class DutyCompletenessIT {

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<Map> get(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        http.getRestTemplate().setInterceptors(List.of());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    /** The duty's completeness at {@code path} once it answers with {@code expected} as its {@code count}. */
    private Map<String, Object> awaitCount(String token, String path, String count, int expected) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get(token, path),
                r -> r.getStatusCode().value() == 200 && Integer.valueOf(expected).equals(r.getBody().get(count))).getBody();
    }

    /** The count stays {@code expected} for a while: what was delivered last changed nothing. */
    private void awaitSteady(String token, String path, String count, int expected) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> get(token, path).getBody().get(count), Integer.valueOf(expected)::equals);
    }

    @Test
    void theBanDanVanSeesWhichRecipientsOfTheDispatchHaveNotReported() throws IOException {
        PublishedFacts kit;
        PublishedFacts.Issued dispatch;
        String missing = "QN-H13";
        try (EventProbe probe = new EventProbe()) {
            kit = new PublishedFacts(probe);
            List<PublishedFacts.Unit> units = kit.registerFixtureUnits("quang-ngai-units.json");
            // two communes: the standing DV-6T form is owed by communes (danvan.aggregates.form-levels)
            kit.register(new PublishedFacts.Unit("QN-H01-X1", "Đảng ủy phường Lê Hồng Phong", "PARTY_COMMITTEE", "COMMUNE", "QN-H01"));
            kit.register(new PublishedFacts.Unit("QN-H01-X2", "Đảng ủy phường Trần Phú", "PARTY_COMMITTEE", "COMMUNE", "QN-H01"));
            dispatch = kit.issueFixtureDirective("246-CV-TU.json", units);
            assertThat(dispatch.recipientCodes()).hasSize(25).contains(missing, "QN-BDV", "QN-MTTQ", "QN-BAO");
            List<String> reporting = dispatch.recipientCodes().stream().filter(code -> !code.equals(missing)).toList();
            for (int i = 0; i < reporting.size(); i++) {
                // the Fatherland Front submitted after 15 July
                kit.report(reporting.get(i), 1, "DV-6T", "2021H1", Map.of("SUPERVISION_SESSIONS", 2 + i),
                        reporting.get(i).equals("QN-MTTQ"));
            }
        }
        String banDanVan = TestTokens.issue("cadre-bdv", kit.id("QN-BDV"), "cadre");
        String duty = "/api/v1/duties/" + dispatch.directiveId() + "/completeness?period=";

        Map<String, Object> half = awaitCount(banDanVan, duty + "2021H1", "receivedReports", 24);

        assertThat(half).containsEntry("number", "246-CV/TU").containsEntry("expectedUnits", 25)
                .containsEntry("expectedReports", 25).containsEntry("receivedReports", 24).containsEntry("onTime", 23)
                .containsEntry("late", 1).containsEntry("reportedUnits", 24).containsEntry("viaUnitId", kit.id("QN-BDV"));
        assertThat((List<Map<String, Object>>) half.get("owed")).singleElement()
                .satisfies(owed -> assertThat(owed).containsEntry("formCode", "DV-6T").containsEntry("dueOn", "2021-07-15"));
        Map<String, Object> notReported = ((List<Map<String, Object>>) half.get("notReported")).getFirst();
        assertThat((List<?>) half.get("notReported")).hasSize(1);
        assertThat(notReported).containsEntry("unitId", kit.id(missing)).containsEntry("name", "Huyện ủy Lý Sơn");
        assertThat((List<Map<String, Object>>) notReported.get("reports")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("period", "2021H1").containsEntry("standing", "MISSING"));
        assertThat((List<Map<String, Object>>) half.get("units"))
                .filteredOn(u -> kit.id("QN-MTTQ").equals(u.get("unitId"))).singleElement()
                .satisfies(u -> assertThat((List<Map<String, Object>>) u.get("reports")).extracting(r -> r.get("standing"))
                        .containsExactly("LATE"));

        // a year: both halves (DV-6T) and the year (DV-NAM) from each of the 25
        Map<String, Object> year = get(banDanVan, duty + "2021").getBody();
        assertThat(year).containsEntry("expectedUnits", 25).containsEntry("expectedReports", 75)
                .containsEntry("receivedReports", 24).containsEntry("reportedUnits", 0);
        assertThat((List<Map<String, Object>>) year.get("owed")).extracting(o -> o.get("formCode") + " " + o.get("period")
                + " " + o.get("dueOn")).containsExactly("DV-6T 2021H1 2021-07-15", "DV-6T 2021H2 2022-01-15",
                "DV-NAM 2021 2022-01-15");

        // before: the form-level setting owed DV-6T from the province's two communes, none of them a recipient
        String operator = TestTokens.issue("test-operator", null, "operator");
        Map<String, Object> standing = get(operator, "/api/v1/completeness?form=DV-6T&period=2021H1&unit=" + kit.id("QN")).getBody();
        assertThat(standing).containsEntry("expectedUnits", 2).containsEntry("receivedReports", 0);

        // the Ban Dân vận follows the duty, not the province's figures; a district sees neither
        assertThat(get(banDanVan, "/api/v1/completeness?form=DV-6T&period=2021H1&unit=" + kit.id("QN")).getStatusCode().value())
                .isEqualTo(404);
        String district = TestTokens.issue("cadre-h01", kit.id("QN-H01"), "cadre", "reviewer");
        assertThat(get(district, duty + "2021H1").getStatusCode().value()).isEqualTo(404);
        assertThat(get(TestTokens.issue("reviewer-qn", kit.id("QN"), "reviewer"), duty + "2021H1").getBody())
                .containsEntry("receivedReports", 24);
        assertThat(get(banDanVan, duty + "2021-06").getStatusCode().value()).isEqualTo(400);
        // 2020 was over before the dispatch was issued on 8 February 2021
        assertThat(get(banDanVan, duty + "2020").getBody()).containsEntry("expectedUnits", 25).containsEntry("expectedReports", 0);
    }

    @Test
    void anAmendmentReplacesTheRecipientsAndARedeliveredOlderVersionChangesNothing() throws IOException {
        try (EventProbe probe = new EventProbe()) {
            PublishedFacts kit = new PublishedFacts(probe);
            PublishedFacts.Issued dispatch = kit.issueFixtureDirective("246-CV-TU.json", kit.registerFixtureUnits("quang-ngai-units.json"));
            String operator = TestTokens.issue("test-operator", null, "operator");
            String path = "/api/v1/duties/" + dispatch.directiveId() + "/completeness?period=2021H1";
            awaitCount(operator, path, "expectedUnits", 25);

            List<String> withoutThePress = dispatch.event().recipientUnitIds().stream()
                    .filter(id -> !id.equals(kit.id("QN-BAO"))).toList();
            kit.amend(dispatch.event(), 2, withoutThePress);
            kit.publish(dispatch.event());

            awaitCount(operator, path, "expectedUnits", 24);
            awaitSteady(operator, path, "expectedUnits", 24);
        }
    }

    @Test
    void aRevokedDirectiveOwesNoReportForAPeriodEndingOnOrAfterItsRevocation() throws IOException {
        try (EventProbe probe = new EventProbe()) {
            PublishedFacts kit = new PublishedFacts(probe);
            PublishedFacts.Issued dispatch = kit.issueFixtureDirective("246-CV-TU.json", kit.registerFixtureUnits("quang-ngai-units.json"));
            String operator = TestTokens.issue("test-operator", null, "operator");
            String year = "/api/v1/duties/" + dispatch.directiveId() + "/completeness?period=2022";
            awaitCount(operator, year, "expectedReports", 75);

            // revoked from 1 September 2022: the first half was over and is still owed, the second half and the year are not
            kit.revoke(dispatch.event(), 2, LocalDate.of(2022, 9, 1));
            Map<String, Object> revoked = await().atMost(Duration.ofSeconds(60)).until(() -> get(operator, year).getBody(),
                    body -> "2022-09-01".equals(body.get("revokedOn")));
            assertThat(revoked).containsEntry("expectedReports", 25);
            assertThat((List<Map<String, Object>>) revoked.get("owed")).singleElement()
                    .satisfies(owed -> assertThat(owed).containsEntry("period", "2022H1"));
            // an older version delivered again does not bring the duty back
            kit.publish(dispatch.event());
            awaitSteady(operator, year, "expectedReports", 25);
        }
    }
}
