package org.danvan.feedback.cases;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A small tree published on the unit topic as directive-service would (province → two communes → a village
 * each), the tokens of people working in it, and HTTP helpers.
 */
public final class FeedbackTestTree {

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String province = run + "-tinh";
    public final String communeA = run + "-xa-a";
    public final String communeB = run + "-xa-b";
    public final String villageA = run + "-thon-a";
    public final String villageB = run + "-thon-b";

    public final String reviewerA = TestTokens.issue("reviewer-a-" + run, communeA, "reviewer", "cadre");
    public final String cadreB = TestTokens.issue("cadre-b-" + run, communeB, "cadre");
    public final String reviewerB = TestTokens.issue("reviewer-b-" + run, communeB, "reviewer");
    public final String handlerA = TestTokens.issue("handler-a-" + run, communeA, "confidential-handler");
    public final String handlerB = TestTokens.issue("handler-b-" + run, communeB, "confidential-handler");
    public final String provinceReviewer = TestTokens.issue("reviewer-p-" + run, province, "reviewer", "cadre");

    private final TestRestTemplate http;

    public FeedbackTestTree(TestRestTemplate http, EventProbe probe, UnitDirectory directory) {
        this.http = http;
        publish(probe, province, "Tỉnh Lâm Đồng", "PROVINCE", null);
        publish(probe, communeA, "Xã Đức Trọng", "COMMUNE", province);
        publish(probe, communeB, "Xã Hiệp Thạnh", "COMMUNE", province);
        publish(probe, villageA, "Thôn Phú Thạnh", "VILLAGE", communeA);
        publish(probe, villageB, "Thôn Định An", "VILLAGE", communeB);
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.isWithin(villageA, province) && directory.isWithin(villageB, province));
    }

    private static void publish(EventProbe probe, String id, String name, String level, String parent) {
        UnitRegistered unit = new UnitRegistered(id, 1, id, name, "ADMINISTRATIVE_AREA", level, LocalDate.of(2025, 7, 1),
                parent == null ? List.of() : List.of(new ParentLink(parent, LocalDate.of(2025, 7, 1), null)));
        probe.send(KafkaCloudEvents.toRecord(DirectiveContract.UNITS.name(), new CloudEvent(UUID.randomUUID().toString(),
                "/danvan/directive-service", DirectiveContract.UNIT_REGISTERED, id, Instant.now(), EventJson.write(unit))));
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body, String token) {
        return exchange(HttpMethod.POST, path, body, token, null);
    }

    public ResponseEntity<Map<String, Object>> get(String path, String token) {
        return exchange(HttpMethod.GET, path, null, token, null);
    }

    public ResponseEntity<List<Map<String, Object>>> list(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token, null)),
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }

    public ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body, String token, String language) {
        return http.exchange(path, method, new HttpEntity<>(body, headers(token, language)),
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    public HttpHeaders headers(String token, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return headers;
    }
}
