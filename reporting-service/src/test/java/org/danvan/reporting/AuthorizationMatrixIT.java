package org.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.ReportingDuty;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.reporting.aggregates.UnitScope;
import org.danvan.reporting.duties.DutyRouting;
import org.danvan.support.security.Caller;
import org.danvan.testsupport.AccessMatrix;
import org.danvan.testsupport.AccessMatrix.Cell;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.danvan.testsupport.EventProbe;
import org.danvan.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Role × endpoint × scope for reporting-service, every cell asserted: a province P with communes A and B
 * (known from the unit topic); commune A's cadre drafts and submits its report, a reviewer above it
 * accepts it, and nobody outside P's line of A sees it or its figures. P's dispatch to A and B reports via P's
 * Ban Dân vận V, whose staff follow that duty and see nothing else of P's.
 */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
class AuthorizationMatrixIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DutyRouting routing;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UnitScope scope;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String p = run + "-P";
    private final String a = run + "-A";
    private final String b = run + "-B";
    /** P's Ban Dân vận: the unit P's directive duty reports via. */
    private final String v = run + "-V";
    private final String directive = run + "-CV";

    private ResponseEntity<String> call(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        http.getRestTemplate().setInterceptors(List.of());
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, Object> semiannual() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("RESIDENTS", Map.of("value", 1000));
        values.put("MEMBERS_ENROLLED", Map.of("value", 950));
        values.put("MEMBERS_ACTIVE", Map.of("value", 900));
        values.put("RESIDENTIAL_AREAS", Map.of("value", 12));
        values.put("EXEMPLARY_AREAS", Map.of("value", 8));
        values.put("MODEL_AREAS", Map.of("value", 3));
        values.put("MODELS_BUILT", Map.of("value", 2));
        values.put("SUPERVISION_SESSIONS", Map.of("value", 1));
        values.put("DIALOGUE_CONFERENCES", Map.of("value", 1));
        values.put("BRIEFING_CLASSES", Map.of("value", 4));
        values.put("BRIEFING_PARTICIPANTS", Map.of("value", 380));
        return values;
    }

    private Map<String, Object> report(String unit) {
        return Map.of("formCode", "DV-6T", "unitId", unit, "period", "2025H1", "values", semiannual());
    }

    private static void register(EventProbe probe, String unit, String level, String parent) {
        LocalDate opened = LocalDate.of(1986, 1, 1);
        UnitRegistered registered = new UnitRegistered(unit, 1, unit, "Đơn vị " + unit, "PARTY_COMMITTEE", level, opened,
                parent == null ? List.of() : List.of(new ParentLink(parent, opened, null)));
        probe.send(KafkaCloudEvents.toRecord(DirectiveContract.UNITS.name(), new CloudEvent(UUID.randomUUID().toString(),
                "/test", DirectiveContract.UNIT_REGISTERED, unit, Instant.now(), EventJson.write(registered))));
    }

    @Test
    void everyRoleSeesAndChangesOnlyTheReportsAndFiguresOfItsSubtree() {
        try (EventProbe probe = new EventProbe()) {
            register(probe, p, "PROVINCE", null);
            register(probe, a, "COMMUNE", p);
            register(probe, b, "COMMUNE", p);
            register(probe, v, "PROVINCE", p);
            DirectiveIssued issued = new DirectiveIssued(directive, 1, "1-CV/" + run, "OFFICIAL_DISPATCH", "Công văn", p,
                    LocalDate.of(2025, 1, 5), List.of(a, b), List.of(),
                    new ReportingDuty(List.of(ReportingDuty.Cadence.SEMIANNUAL), 15, p, v));
            probe.send(KafkaCloudEvents.toRecord(DirectiveContract.DIRECTIVES.name(), new CloudEvent(UUID.randomUUID().toString(),
                    "/test", DirectiveContract.DIRECTIVE_ISSUED, directive, Instant.now(), EventJson.write(issued))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> scope.isWithin(a, p) && scope.isWithin(b, p)
                && routing.routesThroughCallersUnit(new Caller("cadre-v", java.util.Set.of("cadre"), v), a));

        String reviewerP = TestTokens.issue("reviewer-p", p, "reviewer", "cadre");
        String reviewerA = TestTokens.issue("reviewer-a", a, "reviewer", "cadre");
        String cadreA = TestTokens.issue("cadre-a", a, "cadre");
        String cadreB = TestTokens.issue("cadre-b", b, "cadre");
        String reviewerB = TestTokens.issue("reviewer-b", b, "reviewer");
        String handlerA = TestTokens.issue("handler-a", a, "confidential-handler");
        String citizen = TestTokens.issue("citizen", null, "citizen");
        String publisher = TestTokens.issue("publisher", null, "publisher");
        String cadreV = TestTokens.issue("cadre-v", v, "cadre");
        String handlerV = TestTokens.issue("handler-v", v, "confidential-handler");
        String duty = "/api/v1/duties/" + directive + "/completeness?period=2025H1";
        await().atMost(Duration.ofSeconds(60)).until(() -> call(reviewerP, HttpMethod.GET, duty, null).getStatusCode().value() == 200);

        ResponseEntity<String> created = call(cadreA, HttpMethod.POST, "/api/v1/reports", report(a));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String body = created.getBody();
        String id = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf('"', body.indexOf("\"id\":\"") + 6));
        String report = "/api/v1/reports/" + id;
        String figures = "/api/v1/indicators/ENROLMENT_RATE/values?period=2025&unit=";

        List<Cell> cells = new ArrayList<>(List.of(
                // the catalogue: anyone signed in
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/data-elements", null, 401),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/data-elements", null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/report-forms/DV-6T", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/report-forms", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/data-elements/RESIDENTS", null, 200),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/indicators", null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/indicators/ENROLMENT_RATE", null, 200),
                new Cell("anonymous", null, HttpMethod.GET, "/api/v1/indicators", null, 401),
                // drafting: a cadre or reviewer of the unit or above it
                new Cell("anonymous", null, HttpMethod.POST, "/api/v1/reports", report(b), 401),
                new Cell("citizen", citizen, HttpMethod.POST, "/api/v1/reports", report(b), 403),
                new Cell("publisher", publisher, HttpMethod.POST, "/api/v1/reports", report(b), 403),
                new Cell("cadre A", cadreA, HttpMethod.POST, "/api/v1/reports", report(b), 403),
                new Cell("handler A", handlerA, HttpMethod.POST, "/api/v1/reports", report(a), 403),
                // reading: the unit's subtree and above; others do not learn it exists
                new Cell("cadre A", cadreA, HttpMethod.GET, report, null, 200),
                new Cell("handler A", handlerA, HttpMethod.GET, report, null, 200),
                new Cell("reviewer P", reviewerP, HttpMethod.GET, report, null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, report, null, 404),
                new Cell("reviewer B", reviewerB, HttpMethod.GET, report + "/revisions", null, 404),
                new Cell("citizen", citizen, HttpMethod.GET, report, null, 403),
                new Cell("cadre B", cadreB, HttpMethod.POST, report + "/submit", null, 404),
                new Cell("cadre B", cadreB, HttpMethod.PUT, report + "/values", Map.of("values", semiannual()), 404),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/reports?period=2025H1", null, 403),
                new Cell("citizen", citizen, HttpMethod.POST, "/api/v1/reports/import", List.of(), 403),
                // the unit the duty routes a's reports through reads them, and does nothing else with them
                new Cell("cadre V", cadreV, HttpMethod.GET, report, null, 200),
                new Cell("cadre V", cadreV, HttpMethod.GET, report + "/revisions", null, 200),
                new Cell("handler V", handlerV, HttpMethod.GET, report, null, 404),
                new Cell("cadre V", cadreV, HttpMethod.PUT, report + "/values", Map.of("values", semiannual()), 404),
                new Cell("cadre A", cadreA, HttpMethod.POST, report + "/submit", null, 200),
                new Cell("cadre A", cadreA, HttpMethod.POST, report + "/return", Map.of("reasons", List.of("Thiếu số liệu")), 403),
                // judging: a reviewer above the unit, not the unit itself, not a neighbour, not a cadre
                new Cell("reviewer A", reviewerA, HttpMethod.POST, report + "/accept", null, 403),
                new Cell("reviewer B", reviewerB, HttpMethod.POST, report + "/accept", null, 404),
                new Cell("cadre A", cadreA, HttpMethod.POST, report + "/accept", null, 403),
                new Cell("reviewer P", reviewerP, HttpMethod.POST, report + "/accept", null, 200),
                new Cell("reviewer A", reviewerA, HttpMethod.POST, report + "/revise",
                        Map.of("values", semiannual(), "reason", "Sửa số liệu"), 403),
                // figures: the subtree of the caller's unit only
                new Cell("cadre A", cadreA, HttpMethod.GET, figures + a, null, 200),
                new Cell("reviewer P", reviewerP, HttpMethod.GET, figures + p, null, 200),
                new Cell("cadre A", cadreA, HttpMethod.GET, figures + p, null, 404),
                new Cell("cadre B", cadreB, HttpMethod.GET, figures + a, null, 404),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/indicators/ENROLMENT_RATE/values.csv?period=2025&unit=" + a, null, 404),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/completeness?form=DV-6T&period=2025&unit=" + p, null, 404),
                new Cell("reviewer P", reviewerP, HttpMethod.GET, "/api/v1/completeness/forms?period=2025&unit=" + p, null, 200),
                new Cell("cadre A", cadreA, HttpMethod.GET, "/api/v1/completeness/forms?period=2025&unit=" + a, null, 200),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/completeness/forms?period=2025&unit=" + a, null, 404),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/completeness/forms?period=2025&unit=" + a, null, 403),
                new Cell("citizen", citizen, HttpMethod.GET, figures + a, null, 403),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/data-elements/RESIDENTS/values?period=2025&unit=" + a, null, 404),
                new Cell("cadre B", cadreB, HttpMethod.GET, "/api/v1/indicators/ENROLMENT_RATE/values.xlsx?period=2025&unit=" + a, null, 404),
                // targets: readers only, and only the directives they may see (DirectiveVisibilityIT covers the scope)
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/targets?directive=" + directive, null, 403),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/targets/" + directive + "/T1/attainment", null, 403),
                new Cell("citizen", citizen, HttpMethod.GET, "/api/v1/targets/" + directive + "/T1/attainments?period=2025", null, 403),
                new Cell("cadre A", cadreA, HttpMethod.GET, "/api/v1/targets/" + directive + "/T1/attainments?period=2025&unit=" + b, null, 404),
                // a directive's duty: the issuer's side, and the staff of the unit it reports via, nothing more
                new Cell("reviewer P", reviewerP, HttpMethod.GET, duty, null, 200),
                new Cell("cadre V", cadreV, HttpMethod.GET, duty, null, 200),
                new Cell("handler V", handlerV, HttpMethod.GET, duty, null, 404),
                new Cell("cadre V", cadreV, HttpMethod.GET, "/api/v1/completeness?form=DV-6T&period=2025&unit=" + p, null, 404),
                new Cell("cadre V", cadreV, HttpMethod.GET, figures + p, null, 404),
                new Cell("cadre A", cadreA, HttpMethod.GET, duty, null, 404),
                new Cell("reviewer B", reviewerB, HttpMethod.GET, duty, null, 404),
                new Cell("citizen", citizen, HttpMethod.GET, duty, null, 403),
                new Cell("anonymous", null, HttpMethod.GET, duty, null, 401),
                // bad tokens
                new Cell("expired", TestTokens.expired("x", a, "cadre"), HttpMethod.GET, report, null, 401),
                new Cell("other issuer", TestTokens.fromOtherIssuer("x", a, "cadre"), HttpMethod.GET, report, null, 401),
                new Cell("other client", TestTokens.forOtherClient("x", a, "cadre"), HttpMethod.GET, report, null, 401),
                new Cell("other key", TestTokens.signedWithOtherKey("x", null, "operator"), HttpMethod.GET, report, null, 401),
                new Cell("tampered", TestTokens.tampered("x", b, "cadre"), HttpMethod.GET, report, null, 401)));

        AccessMatrix.requireEveryEndpoint(cells, mappings);
        AccessMatrix.verify(cells, cell -> call(cell.token(), cell.method(), cell.path(), cell.body()));

        SoftAssertions listsHold = new SoftAssertions();
        listsHold.assertThat(call(cadreB, HttpMethod.GET, "/api/v1/reports?period=2025H1", null).getBody()).doesNotContain(id);
        listsHold.assertThat(call(reviewerP, HttpMethod.GET, "/api/v1/reports?period=2025H1", null).getBody()).contains(id);

        HttpHeaders csv = new HttpHeaders();
        csv.setBearerAuth(cadreA);
        csv.setContentType(new MediaType("text", "csv"));
        ResponseEntity<String> foreignRow = http.exchange("/api/v1/reports/import?form=DV-6T", HttpMethod.POST,
                new HttpEntity<>("Mã đơn vị,Kỳ báo cáo,RESIDENTS\n" + b + ",2025H2,10\n", csv), String.class);
        listsHold.assertThat(foreignRow.getStatusCode().value()).isEqualTo(400);
        listsHold.assertThat(foreignRow.getBody()).contains(b);
        listsHold.assertAll();
    }
}
