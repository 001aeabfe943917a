package org.danvan.reporting.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;

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
 * A directive one commune issued is no more visible through reporting-service than through directive-service:
 * its targets and their attainment answer its own subtree and the units above it, and the neighbouring commune
 * learns nothing (no number, no description, no target).
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class DirectiveVisibilityIT {

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

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void aNeighbourSeesNeitherTheTargetsNorTheirAttainment() throws IOException {
        PublishedFacts facts = new PublishedFacts(probe);
        facts.register(new Unit("P", "Tỉnh ủy", "PARTY_COMMITTEE", "PROVINCE", null));
        facts.register(new Unit("A", "Đảng ủy xã A", "PARTY_COMMITTEE", "COMMUNE", "P"));
        facts.register(new Unit("B", "Đảng ủy xã B", "PARTY_COMMITTEE", "COMMUNE", "P"));
        String directive = facts.issueDucTrongResolution("A");
        String cadreA = TestTokens.issue("cadre-a", facts.id("A"), "cadre");
        String reviewerP = TestTokens.issue("reviewer-p", facts.id("P"), "reviewer");
        String cadreB = TestTokens.issue("cadre-b", facts.id("B"), "cadre");
        String targets = "/api/v1/targets?directive=" + directive;
        String attainment = "/api/v1/targets/" + directive + "/T1/attainment?period=2025";

        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get(targets, cadreA).getBody(), body -> body.contains("T1"));
        assertThat(get(targets, reviewerP).getBody()).contains("T1", "ENROLMENT_RATE");
        assertThat(get(attainment, cadreA).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(attainment, reviewerP).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(get(targets, cadreB).getBody()).isEqualTo("[]");
        ResponseEntity<String> hidden = get(attainment, cadreB);
        assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hidden.getBody()).doesNotContain("ENROLMENT_RATE", "Nghị quyết");
    }
}
