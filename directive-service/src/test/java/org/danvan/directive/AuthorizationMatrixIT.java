package org.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.danvan.testsupport.AccessMatrix;
import org.danvan.testsupport.AccessMatrix.Cell;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Role × endpoint × scope for directive-service, every cell asserted: a province P with communes A and B,
 * a village A1 under A; one directive from P to both communes, one from A to its village.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class AuthorizationMatrixIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String p = run + "-P";
    private final String a = run + "-A";
    private final String b = run + "-B";
    private final String a1 = run + "-A1";

    private ResponseEntity<String> call(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        http.getRestTemplate().setInterceptors(List.of());
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private Map<String, Object> unit(String code, String level, String parent) {
        Map<String, Object> unit = new HashMap<>(Map.of("code", code, "name", "Đơn vị " + code, "kind", "PARTY_COMMITTEE",
                "level", level, "openedOn", "1986-01-01"));
        if (parent != null) {
            unit.put("parentId", parent);
        }
        return unit;
    }

    private Map<String, Object> directive(String issuer, List<String> recipients, boolean draft) {
        return Map.of("number", "NQ-" + UUID.randomUUID(), "kind", "RESOLUTION", "title", "Nghị quyết thử quyền",
                "issuerUnitId", issuer, "issuedOn", "2025-08-01", "recipientUnitIds", recipients, "draft", draft, "targets", List.of());
    }

    private String idOf(ResponseEntity<String> created) {
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String body = created.getBody();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    @Test
    void everyRoleSeesAndChangesOnlyWhatItsUnitLineAllows() {
        String operator = TestTokens.issue("op", null, "operator");
        for (Map<String, Object> unit : List.of(unit(p, "PROVINCE", null), unit(a, "COMMUNE", p), unit(b, "COMMUNE", p),
                unit(a1, "VILLAGE", a))) {
            assertThat(call(operator, HttpMethod.POST, "/api/v1/units", unit).getStatusCode().value()).isEqualTo(201);
        }
        String fromP = idOf(call(operator, HttpMethod.POST, "/api/v1/directives", directive(p, List.of(a, b), false)));
        String fromA = idOf(call(operator, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), false)));
        String draftA = idOf(call(operator, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), true)));
        Map<String, Object> amendment = Map.of("directive", directive(a, List.of(a1), false), "changes", List.of("Sửa"));
        ResponseEntity<String> imported = call(operator, HttpMethod.POST, "/api/v1/units/imports", List.of());
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(202);
        String importJob = imported.getHeaders().getLocation().getPath();

        String reviewerP = TestTokens.issue("reviewer-p", p, "reviewer", "cadre");
        String reviewerA = TestTokens.issue("reviewer-a", a, "reviewer", "cadre");
        String cadreA = TestTokens.issue("cadre-a", a, "cadre");
        String cadreA1 = TestTokens.issue("cadre-a1", a1, "cadre");
        String reviewerB = TestTokens.issue("reviewer-b", b, "reviewer", "cadre");
        String cadreB = TestTokens.issue("cadre-b", b, "cadre");
        String handlerA = TestTokens.issue("handler-a", a, "confidential-handler");
        String citizen = TestTokens.issue("citizen", null, "citizen");
        String publisher = TestTokens.issue("publisher", null, "publisher");

        List<Cell> cells = new ArrayList<>(List.of(
                // the unit tree: anyone signed in reads it, only operators change it
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/units/" + a, null, 401),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/units/" + a, null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/units/" + a + "/subtree", null, 200),
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/units", unit(run + "-X", "COMMUNE", p), 401),
                new Cell("reviewer P", reviewerP, HttpMethod.POST, "/api/v1/units", unit(run + "-X", "COMMUNE", p), 403),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/units/" + a1 + "/rename", Map.of("name", "x", "validFrom", "2025-01-01"), 403),
                new Cell("citizen", citizen, HttpMethod.POST, "/api/v1/units/imports", List.of(), 403),
                new Cell("reviewer P", reviewerP, HttpMethod.POST, "/api/v1/units/imports?dryRun=true", List.of(), 403),
                new Cell("operator", operator, HttpMethod.POST, "/api/v1/units/imports?dryRun=true", List.of(), 200),
                // an import job: its owner's only
                new Cell("operator", operator, HttpMethod.GET, importJob, null, 200),
                new Cell("another operator", TestTokens.issue("op-2", null, "operator"), HttpMethod.GET, importJob, null, 404),
                new Cell("citizen", citizen, HttpMethod.GET, importJob, null, 404),
                new Cell("anonymous", null, HttpMethod.GET, importJob, null, 401),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/units?q=don vi", null, 200),
                // place names only: a citizen without an account chooses the area of a case
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/units/places?q=don vi " + a1, null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/units/" + a1 + "/ancestors", null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/units/" + a + "/children", null, 200),
                new Cell("reviewer P", reviewerP, HttpMethod.POST, "/api/v1/units/" + a1 + "/move",
                        Map.of("newParentId", b, "validFrom", "2025-09-01"), 403),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/units/" + a1 + "/close", Map.of("closedOn", "2025-09-01"), 403),
                // reading a directive: the issuer's subtree and each recipient's line
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 401),
                new Cell("reviewer A", reviewerA, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 200),
                new Cell("cadre A1", cadreA1, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 200),
                new Cell("reviewer P", reviewerP, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 200),
                new Cell("handler A", handlerA, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 404),
                new Cell("reviewer B", reviewerB, HttpMethod.GET, "/api/v1/directives/" + fromA + "/versions", null, 404),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/directives/" + fromA + "/compliance", null, 404),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 403),
                new Cell("publisher", publisher, HttpMethod.GET, "/api/v1/directives/" + fromA, null, 403),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/directives/" + fromP, null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/directives?year=2025", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/directives", null, 403),
                new Cell("cadre A1", cadreA1, HttpMethod.GET, "/api/v1/directives/" + fromP, null, 200),
                // issuing: a reviewer for an issuer in their subtree; a cadre only drafts
                new Cell("reviewer A", reviewerA, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), false), 201),
                new Cell("reviewer P", reviewerP, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), false), 201),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), true), 201),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), false), 403),
                new Cell("reviewer B", reviewerB, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), false), 403),
                new Cell("cadre A1", cadreA1, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), true), 403),
                new Cell("citizen", citizen, HttpMethod.POST, "/api/v1/directives", directive(a, List.of(a1), true), 403),
                // drafts: edited by the issuer's cadres and reviewers, issued by its reviewers; invisible to others
                new Cell("reviewer B", reviewerB, HttpMethod.PUT, "/api/v1/directives/" + draftA, directive(a, List.of(a1), true), 404),
                new Cell("cadre A", cadreA, HttpMethod.PUT, "/api/v1/directives/" + draftA, directive(a, List.of(a1), true), 200),
                new Cell("reviewer B", reviewerB, HttpMethod.POST, "/api/v1/directives/" + draftA + "/issue", null, 404),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/directives/" + draftA + "/issue", null, 403),
                // amending: the issuer's reviewers
                new Cell("reviewer B", reviewerB, HttpMethod.POST, "/api/v1/directives/" + fromA + "/amend", amendment, 404),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/directives/" + fromA + "/amend", amendment, 403),
                // acknowledging: for the caller's own unit
                new Cell("cadre B", cadreB, HttpMethod.POST, "/api/v1/directives/" + fromP + "/acknowledgements",
                        Map.of("unitId", a, "acknowledgedOn", "2025-08-05"), 403),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/directives/" + fromP + "/acknowledgements",
                        Map.of("unitId", a, "acknowledgedOn", "2025-08-05"), 200),
                // revoking: the issuer's reviewers; invisible to others
                new Cell("reviewer B", reviewerB, HttpMethod.POST, "/api/v1/directives/" + fromA + "/revoke",
                        Map.of("effectiveOn", "2025-09-01", "reason", "x"), 404),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/directives/" + fromA + "/revoke",
                        Map.of("effectiveOn", "2025-09-01", "reason", "x"), 403),
                new Cell("reviewer A", reviewerA, HttpMethod.POST, "/api/v1/directives/" + fromA + "/revoke",
                        Map.of("effectiveOn", "2025-09-01", "reason", "Thay thế"), 200),
                // bad tokens, everywhere
                new Cell("expired", TestTokens.expired("x", a, "reviewer"), HttpMethod.GET, "/api/v1/directives/" + fromP, null, 401),
                new Cell("other issuer", TestTokens.fromOtherIssuer("x", a, "reviewer"), HttpMethod.GET, "/api/v1/units/" + a, null, 401),
                new Cell("other client", TestTokens.forOtherClient("x", a, "reviewer"), HttpMethod.GET, "/api/v1/units/" + a, null, 401),
                new Cell("other key", TestTokens.signedWithOtherKey("x", a, "operator"), HttpMethod.POST, "/api/v1/units",
                        unit(run + "-Y", "COMMUNE", p), 401),
                new Cell("tampered", TestTokens.tampered("x", a, "cadre"), HttpMethod.POST, "/api/v1/units", unit(run + "-Z", "COMMUNE", p), 401)));

        AccessMatrix.requireEveryEndpoint(cells, mappings);
        AccessMatrix.verify(cells, cell -> call(cell.token(), cell.method(), cell.path(), cell.body()));

        SoftAssertions listsHold = new SoftAssertions();
        // lists and searches: never beyond the line
        listsHold.assertThat(call(cadreB, HttpMethod.GET, "/api/v1/directives?size=500", null).getBody()).doesNotContain(fromA).contains(fromP);
        listsHold.assertThat(call(cadreA1, HttpMethod.GET, "/api/v1/directives?size=500", null).getBody()).contains(fromA).contains(fromP);
        // without a token, a place is its id, name, level and parent's name, and nothing else of the unit
        listsHold.assertThat(call(null, HttpMethod.GET, "/api/v1/units/places?q=don vi " + a1, null).getBody())
                .isEqualTo("[{\"id\":\"%s\",\"name\":\"Đơn vị %s\",\"level\":\"VILLAGE\",\"parentName\":\"Đơn vị %s\"}]", a1, a1, a);
        listsHold.assertAll();
    }
}
