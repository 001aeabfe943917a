package org.danvan.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.feedback.cases.FeedbackTestTree;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.testsupport.AccessMatrix;
import org.danvan.testsupport.AccessMatrix.Cell;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestClock;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Role × endpoint × scope for feedback-service, every cell asserted, on a province with communes A and B:
 * a denunciation and a petition of commune A, a session hosted by A. The denouncer's identity opens only for
 * a confidential-case handler whose subtree holds the case.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class AuthorizationMatrixIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UnitDirectory directory;

    @Test
    void everyRoleSeesAndChangesOnlyWhatItsSubtreeAndRoleAllow() {
        FeedbackTestTree tree;
        try (EventProbe probe = new EventProbe(FeedbackContract.CASES.name())) {
            tree = new FeedbackTestTree(http, probe, directory);
        }
        String denunciation = (String) tree.post("/api/v1/cases", Map.of("kind", "DENUNCIATION", "subject", "Tố cáo",
                "content", "Nội dung tố cáo", "areaUnitId", tree.villageA, "citizen", Map.of("name", "Người tố cáo")), null)
                .getBody().get("id");
        String petition = (String) tree.post("/api/v1/petitions", Map.of("title", "Kiến nghị", "text", "Nội dung",
                "responsibleUnitId", tree.communeA, "signingClosesOn", TestClock.instance().today().plusDays(10).toString()), tree.reviewerA)
                .getBody().get("id");
        String session = (String) tree.post("/api/v1/sessions", Map.of("kind", "RECEPTION_DAY", "hostUnitId", tree.communeA,
                "hostName", "Bí thư", "hostTitle", "Bí thư Đảng ủy xã", "hostedBySecretary", true,
                "heldOn", TestClock.instance().today().toString(), "place", "Trụ sở", "attendees", 3), tree.reviewerA).getBody().get("id");

        String cadreA = TestTokens.issue("cadre-a", tree.communeA, "cadre");
        String handlerP = TestTokens.issue("handler-p", tree.province, "confidential-handler");
        String citizen = TestTokens.issue("citizen", null, "citizen");
        String operator = TestTokens.issue("operator", null, "operator");
        String publisher = TestTokens.issue("publisher", null, "publisher");
        String identity = "/api/v1/cases/" + denunciation + "/identity?purpose=kiem-tra";
        String theCase = "/api/v1/cases/" + denunciation;

        List<Cell> cells = new ArrayList<>(List.of(
                // the denouncer's identity: the confidential-case handlers of the case's subtree, nobody else
                new Cell("anonymous", null, HttpMethod.GET, identity, null, 401),
                new Cell("citizen", citizen, HttpMethod.GET, identity, null, 403),
                new Cell("cadre A", cadreA, HttpMethod.GET, identity, null, 403),
                new Cell("reviewer A", tree.reviewerA, HttpMethod.GET, identity, null, 403),
                new Cell("reviewer P", tree.provinceReviewer, HttpMethod.GET, identity, null, 403),
                new Cell("handler B", tree.handlerB, HttpMethod.GET, identity, null, 403),
                new Cell("operator", operator, HttpMethod.GET, identity, null, 403),
                new Cell("publisher", publisher, HttpMethod.GET, identity, null, 403),
                new Cell("handler A", tree.handlerA, HttpMethod.GET, identity, null, 200),
                new Cell("handler P", handlerP, HttpMethod.GET, identity, null, 200),
                // the case itself: staff of its subtree
                new Cell("anonymous", null, HttpMethod.GET, theCase, null, 401),
                new Cell("citizen", citizen, HttpMethod.GET, theCase, null, 403),
                new Cell("cadre A", cadreA, HttpMethod.GET, theCase, null, 200),
                new Cell("handler A", tree.handlerA, HttpMethod.GET, theCase, null, 200),
                new Cell("reviewer P", tree.provinceReviewer, HttpMethod.GET, theCase, null, 200),
                new Cell("cadre B", tree.cadreB, HttpMethod.GET, theCase, null, 404),
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/accept", Map.of(), 404),
                new Cell("cadre A", cadreA, HttpMethod.POST, theCase + "/accept", Map.of(), 403),
                new Cell("handler A", tree.handlerA, HttpMethod.POST, theCase + "/accept", Map.of(), 403),
                new Cell("reviewer A", tree.reviewerA, HttpMethod.POST, theCase + "/accept", Map.of(), 200),
                new Cell("cadre A", cadreA, HttpMethod.POST, theCase + "/start", Map.of(), 200),
                new Cell("cadre B", tree.cadreB, HttpMethod.GET, "/api/v1/cases/" + denunciation + "/duplicates", null, 404),
                // filing is open to everyone; lists and hotspots to staff, each over their subtree
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/cases", Map.of("kind", "REFLECTION", "subject", "Đèn đường",
                        "content", "Đèn đường hỏng", "areaUnitId", tree.villageA), 201),
                new Cell("cadre B", tree.cadreB, HttpMethod.GET, "/api/v1/cases", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/cases", null, 403),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/cases/hotspots", null, 403),
                new Cell("reviewer P", tree.provinceReviewer, HttpMethod.GET, "/api/v1/cases/hotspots", null, 200),
                // tracking: the code and its secret, nothing else
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/cases/track/PA-NOPE", null, 404),
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/cases/track/PA-NOPE/information",
                        Map.of("information", "Bổ sung"), 404),
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/cases/track/PA-NOPE/reopen", Map.of("reason", "Chưa thỏa đáng"), 404),
                // every handling step: out of the subtree, the case does not exist
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/assign", Map.of("unitId", tree.communeB, "reason", "x"), 404),
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/refuse", Map.of("reasons", List.of("NOT_WITHIN_JURISDICTION")), 404),
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/extend", Map.of("reason", "x"), 404),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, theCase + "/resolve", Map.of("summary", "x"), 404),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, theCase + "/explain", Map.of("explanation", "x",
                        "roadmap", List.of(Map.of("description", "x", "dueOn", "2030-01-01"))), 404),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, theCase + "/roadmap", Map.of("step", 1, "status", "DONE"), 404),
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/close", Map.of(), 404),
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/reopen", Map.of("reason", "x"), 404),
                new Cell("reviewer B", tree.reviewerB, HttpMethod.POST, theCase + "/merge", Map.of("intoCaseId", "x"), 404),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, theCase + "/notes", Map.of("note", "x"), 404),
                new Cell("citizen", citizen, HttpMethod.POST, theCase + "/notes", Map.of("note", "x"), 403),
                // the access log is as secret as the identity: the handler of the case's subtree only
                new Cell("handler A", tree.handlerA, HttpMethod.GET, "/api/v1/cases/" + denunciation + "/identity/access-log", null, 200),
                new Cell("handler B", tree.handlerB, HttpMethod.GET, "/api/v1/cases/" + denunciation + "/identity/access-log", null, 404),
                new Cell("handler P", handlerP, HttpMethod.GET, "/api/v1/cases/" + denunciation + "/identity/access-log", null, 200),
                new Cell("cadre A", cadreA, HttpMethod.GET, "/api/v1/cases/" + denunciation + "/identity/access-log", null, 403),
                new Cell("operator", operator, HttpMethod.GET, "/api/v1/cases/" + denunciation + "/identity/access-log", null, 403),
                new Cell("handler A", tree.handlerA, HttpMethod.GET, "/api/v1/cases/no-such-case/identity/access-log", null, 404),
                // petitions: everyone reads and signs; staff of the responsible unit's subtree manage
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/petitions/" + petition, null, 200),
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/petitions", null, 200),
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/petitions/" + petition + "/signatures",
                        Map.of("name", "Lê Thị Hoa", "idNumber", "079190001234"), 200),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, "/api/v1/petitions/" + petition + "/answer", Map.of("answer", "x"), 404),
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/petitions", Map.of(), 401),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, "/api/v1/petitions/" + petition + "/close", null, 404),
                new Cell("citizen", citizen, HttpMethod.POST, "/api/v1/petitions/" + petition + "/close", null, 403),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/petitions/" + petition + "/paper-signatures",
                        Map.of("sheetRef", "T1", "signatures", List.of(Map.of("name", "A", "idNumber", "079123456789"))), 200),
                // sessions: staff of the host's subtree
                new Cell("cadre A", cadreA, HttpMethod.GET, "/api/v1/sessions/" + session, null, 200),
                new Cell("cadre B", tree.cadreB, HttpMethod.GET, "/api/v1/sessions/" + session, null, 404),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/sessions/" + session, null, 403),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/sessions", null, 403),
                new Cell("cadre B", tree.cadreB, HttpMethod.GET, "/api/v1/sessions", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/sessions/reception-shortfalls?month=2026-11", null, 403),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, "/api/v1/sessions/" + session + "/commitments/1/fulfil", Map.of(), 404),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, "/api/v1/sessions/" + session + "/matters/1/case",
                        Map.of("kind", "REFLECTION", "areaUnitId", tree.villageB), 404),
                new Cell("cadre B", tree.cadreB, HttpMethod.POST, "/api/v1/sessions", Map.of("kind", "DIALOGUE", "hostUnitId",
                        tree.communeA, "hostName", "x", "hostTitle", "x", "heldOn", TestClock.instance().today().toString(), "place", "x",
                        "attendees", 1), 400),
                // administration: operators only
                new Cell("reviewer P", tree.provinceReviewer, HttpMethod.POST, "/api/v1/admin/identity/rotate", null, 403),
                new Cell("operator", operator, HttpMethod.POST, "/api/v1/admin/identity/rotate", null, 200),
                // the working-day calendar: read by anyone signed in, loaded by operators
                new Cell("cadre A", cadreA, HttpMethod.GET, "/api/v1/calendar/2032", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/calendar/2032", null, 200),
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/calendar/2032", null, 401),
                new Cell("reviewer P", tree.provinceReviewer, HttpMethod.PUT, "/api/v1/admin/calendar/2032",
                        Map.of("daysOff", List.of("2032-01-01"), "source", "x"), 403),
                new Cell("operator", operator, HttpMethod.PUT, "/api/v1/admin/calendar/2032",
                        Map.of("daysOff", List.of("2032-01-01"), "source", "Thông báo thử nghiệm 2032"), 200),
                // bad tokens
                new Cell("expired", TestTokens.expired("x", tree.communeA, "confidential-handler"), HttpMethod.GET, identity, null, 401),
                new Cell("other issuer", TestTokens.fromOtherIssuer("x", tree.communeA, "confidential-handler"), HttpMethod.GET, identity, null, 401),
                new Cell("other client", TestTokens.forOtherClient("x", tree.communeA, "confidential-handler"), HttpMethod.GET, identity, null, 401),
                new Cell("other key", TestTokens.signedWithOtherKey("x", tree.communeA, "confidential-handler"), HttpMethod.GET, identity, null, 401),
                new Cell("tampered", TestTokens.tampered("x", tree.communeA, "cadre"), HttpMethod.GET, identity, null, 401)));

        AccessMatrix.requireEveryEndpoint(cells, mappings);
        AccessMatrix.verify(cells, cell -> http.exchange(cell.path(), cell.method(), new HttpEntity<>(cell.body(), tree.headers(cell.token(), null)), String.class));

        SoftAssertions listsHold = new SoftAssertions();
        listsHold.assertThat(tree.list("/api/v1/cases", tree.cadreB).getBody()).extracting(c -> c.get("id")).doesNotContain(denunciation);
        listsHold.assertThat(tree.list("/api/v1/sessions", tree.cadreB).getBody()).extracting(s -> s.get("id")).doesNotContain(session);
        listsHold.assertAll();
        assertThat(cells).hasSizeGreaterThan(30);
    }
}
