package org.danvan.web.directives;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.danvan.web.StubbedGatewayPageTest;
import org.danvan.web.api.BusinessDay;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The directive pages against a stubbed gateway: what they send, what they offer whom, and problems in place. */
class DirectivePagesTest extends StubbedGatewayPageTest {

    @Test
    void theSearchSendsTheWordsAsTypedAndListsWhatTheApiFinds() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/directives?q=dan%20van&page=0&size=20"))
                .andRespond(withSuccess("{\"items\":[" + directive("d1", "ISSUED") + "],\"page\":0,\"size\":20,\"total\":1}",
                        MediaType.APPLICATION_JSON));
        expectUnit("LD", "Ban Dân vận Tỉnh ủy");

        mvc.perform(get("/directives").param("q", "dan van").with(user("cadre", "DT-X1"))).andExpect(status().isOk())
                .andExpect(page(containsString("href=\"/directives/d1\""), containsString("05-NQ/HU"), containsString("30/06/2026"),
                        containsString("Tìm thấy 1 văn bản"), containsString("Ban Dân vận Tỉnh ủy")));
    }

    @Test
    void aRecipientsCadreIsOfferedToAcknowledgeAnIssuedDirectiveAndNobodyElseIs() throws Exception {
        expectDirective("ISSUED");
        mvc.perform(get("/directives/d1").with(user("cadre", "DT-X1"))).andExpect(status().isOk())
                .andExpect(page(containsString("id=\"do-acknowledge\""), not(containsString("id=\"do-issue\"")),
                        containsString("Nâng tỷ lệ tham gia"), containsString("≥ 95 %"), containsString("6 tháng"),
                        containsString("Tỷ lệ người dân tham gia đoàn thể"), containsString(">Xã<"),
                        containsString("Phiên bản 1")));
        gateway.reset();
        expectDirective("ISSUED");
        mvc.perform(get("/directives/d1").with(user("cadre", "DT-X2")))
                .andExpect(page(not(containsString("id=\"do-acknowledge\""))));
        gateway.reset();
        expectDirective("DRAFT");
        mvc.perform(get("/directives/d1").with(user("reviewer", "LD")))
                .andExpect(page(containsString("id=\"do-issue\""), containsString("value=\"&quot;4&quot;\""),
                        not(containsString("id=\"do-acknowledge\""))));
    }

    @Test
    void theDirectiveNamesItsIssuerRecipientsAndUnitsByNameWithTheCodeBesideAndAnUnknownCodeAsItself() throws Exception {
        HttpHeaders etag = new HttpHeaders();
        etag.setETag("\"4\"");
        gateway.expect(requestTo(G + "/api/v1/directives/d1")).andRespond(withSuccess(directive("d1", "ISSUED")
                .replace("\"leadUnitId\":\"DT-X1\"", "\"leadUnitId\":\"DT-X1\",\"coordinatingUnitIds\":[\"DT-X2\",\"LD\"]"),
                MediaType.APPLICATION_JSON).headers(etag));
        gateway.expect(requestTo(G + "/api/v1/directives/d1/versions")).andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));
        expectIndicators();
        // each unit read once for the page, however often it appears on it
        expectUnit("LD", "Ban Dân vận Tỉnh ủy");
        expectUnit("DT-X1", "Xã Hiệp Thạnh");
        expectUnknownUnit("DT-X2");

        mvc.perform(get("/directives/d1").with(user("cadre", "DT-X1"))).andExpect(status().isOk())
                .andExpect(page(containsString("<span class=\"unit-name\">Xã Hiệp Thạnh</span> <small class=\"unit-code\">DT-X1</small>"),
                        containsString("<span class=\"unit-name\">Ban Dân vận Tỉnh ủy</span> <small class=\"unit-code\">LD</small>"),
                        containsString("<span class=\"unit-name\">DT-X2</span>"), not(containsString("unit-code\">DT-X2"))));
    }

    @Test
    void aDirectiveTheApiDoesNotFindIsAProblemPageWithTheApisStatus() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/directives/d9")).andRespond(withStatus(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"title\":\"Không tìm thấy\",\"status\":404,\"detail\":\"Không có văn bản d9\"}"));

        mvc.perform(get("/directives/d9").with(user("cadre", "DT-X1"))).andExpect(status().isNotFound())
                .andExpect(page(containsString("Không có văn bản d9")));
    }

    @Test
    void theComplianceViewNamesTheUnitsWithoutAPlan() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/directives/d1/compliance?withoutPlanAfterDays=30")).andRespond(withSuccess("""
                {"directiveId":"d1","number":"05-NQ/HU","asOf":"2026-11-30","recipients":3,"acknowledged":1,"withPlan":0,
                 "withoutPlanAfterDays":30,"withoutPlan":["DT-X1","DT-X9"],"byLevel":[]}""", MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/directives/d1")).andRespond(withSuccess(directive("d1", "ISSUED"), MediaType.APPLICATION_JSON));
        expectUnit("DT-X1", "Xã Hiệp Thạnh");
        expectUnknownUnit("DT-X9");

        mvc.perform(get("/directives/d1/compliance").param("days", "30").with(user("reviewer", "LD"))).andExpect(status().isOk())
                .andExpect(page(containsString("Xã Hiệp Thạnh"), containsString("<span class=\"unit-name\">DT-X9</span>")));
    }

    @Test
    void anAcknowledgementIsTheUsersUnitOnTodaysDateAndARefusalShowsInPlace() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/directives/d1/acknowledgements")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"unitId\":\"DT-X1\",\"acknowledgedOn\":\"" + BusinessDay.today(clock) + "\"}"))
                .andRespond(withSuccess(directive("d1", "ISSUED"), MediaType.APPLICATION_JSON));
        mvc.perform(post("/directives/d1/acknowledge").with(user("cadre", "DT-X1")).with(csrf()))
                .andExpect(redirectedUrl("/directives/d1"));
        gateway.reset();

        gateway.expect(requestTo(G + "/api/v1/directives/d1/acknowledgements")).andRespond(withStatus(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"title\":\"Không được phép\",\"status\":409,\"detail\":\"Văn bản đã bị bãi bỏ: không thể xác nhận\"}"));
        expectDirective("REVOKED");
        mvc.perform(post("/directives/d1/acknowledge").with(user("cadre", "DT-X1")).with(csrf())).andExpect(status().isOk())
                .andExpect(page(containsString("Văn bản đã bị bãi bỏ: không thể xác nhận"), not(containsString("id=\"do-acknowledge\""))));
    }

    @Test
    void addingATaskRowRendersTheFormAgainWithEverythingTyped() throws Exception {
        expectIndicators();
        mvc.perform(draft(post("/directives/new")).param("addTask", "1")).andExpect(status().isOk())
                .andExpect(page(containsString("value=\"12-NQ/TU\""), containsString(">Tổ chức học tập nghị quyết</textarea>"),
                        containsString("id=\"task-1-text\""), not(containsString("id=\"task-2-text\"")),
                        containsString("<option value=\"ENROLMENT_RATE\" selected=\"selected\">")));
    }

    @Test
    void issuingSendsTheTasksAndTargetsAsTheApiWantsThemAndItsFieldErrorsLandBesideTheirFields() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/directives")).andExpect(method(HttpMethod.POST)).andExpect(content().json("""
                        {"number":"12-NQ/TU","kind":"RESOLUTION","title":"Nghị quyết về dân vận","issuerUnitId":"LD",
                         "issuedOn":"2026-06-30","recipientUnitIds":["DT-X1","DT-X2"],
                         "tasks":[{"number":1,"text":"Tổ chức học tập nghị quyết","leadUnitId":"DT-X1","dueOn":"2026-09-30"}],
                         "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95.5,"unit":"PERCENT",
                                     "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"}}],
                         "reportingDuty":{"cadences":["SEMIANNUAL"],"dueOffsetDays":15,"reportToUnitId":"LD"},"draft":false}"""))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"title":"Yêu cầu không hợp lệ","status":400,"detail":"1 lỗi",
                         "errors":[{"field":"tasks[0].leadUnitId","message":"đơn vị DT-X1 không nằm trong các đơn vị nhận"}]}"""));
        expectIndicators();

        mvc.perform(draft(post("/directives/new")).param("action", "issue")).andExpect(status().isOk())
                .andExpect(page(containsString("đơn vị DT-X1 không nằm trong các đơn vị nhận"), containsString("value=\"95,5\""),
                        containsString("value=\"30/09/2026\""), not(containsString("class=\"alert\""))));
    }

    @Test
    void aDateThatDoesNotReadIsShownBesideItsFieldWithoutCallingTheApi() throws Exception {
        expectIndicators();
        mvc.perform(draft(post("/directives/new")).param("issuedOn", "31/02/2026x").param("action", "draft"))
                .andExpect(status().isOk()).andExpect(page(containsString("Ngày không đúng dạng ngày/tháng/năm")));
    }

    @Test
    void aCadreDraftsButOnlyAReviewerIsOfferedToIssue() throws Exception {
        expectIndicators();
        mvc.perform(get("/directives/new").with(user("cadre", "DT-X1")))
                .andExpect(page(containsString("id=\"save-directive\""), not(containsString("id=\"issue-directive\"")),
                        containsString("value=\"DT-X1\"")));
    }

    private MockHttpServletRequestBuilder draft(MockHttpServletRequestBuilder request) {
        return request.with(user("reviewer", "LD")).with(csrf()).param("number", "12-NQ/TU").param("kind", "RESOLUTION")
                .param("title", "Nghị quyết về dân vận").param("issuerUnitId", "LD").param("issuedOn", "30/06/2026")
                .param("recipientUnitIds", "DT-X1, DT-X2").param("tasks[0].text", "Tổ chức học tập nghị quyết")
                .param("tasks[0].leadUnitId", "DT-X1").param("tasks[0].dueOn", "30/09/2026")
                .param("targets[0].indicatorCode", "ENROLMENT_RATE").param("targets[0].comparator", "GTE")
                .param("targets[0].threshold", "95,5").param("targets[0].unit", "PERCENT").param("targets[0].levels", "COMMUNE")
                .param("targets[0].periodType", "EVERY_YEAR").param("reportingDuty.cadences", "SEMIANNUAL")
                .param("reportingDuty.dueOffsetDays", "15");
    }

    private void expectIndicators() {
        gateway.expect(requestTo(G + "/api/v1/indicators")).andRespond(withSuccess(
                "[{\"code\":\"ENROLMENT_RATE\",\"name\":\"Tỷ lệ người dân tham gia đoàn thể\"}]", MediaType.APPLICATION_JSON));
    }

    private void expectDirective(String status) {
        HttpHeaders etag = new HttpHeaders();
        etag.setETag("\"4\"");
        gateway.expect(requestTo(G + "/api/v1/directives/d1"))
                .andRespond(withSuccess(directive("d1", status), MediaType.APPLICATION_JSON).headers(etag));
        gateway.expect(requestTo(G + "/api/v1/directives/d1/versions"))
                .andRespond(withSuccess("[" + directive("d1", status) + "]", MediaType.APPLICATION_JSON));
        expectIndicators();
        expectUnit("LD", "Ban Dân vận Tỉnh ủy");
        expectUnit("DT-X1", "Xã Hiệp Thạnh");
    }

    private static String directive(String id, String status) {
        return """
                {"id":"%s","version":1,"status":"%s","recipients":["DT-X1"],"changes":[],
                 "content":{"number":"05-NQ/HU","kind":"RESOLUTION","title":"Nghị quyết về Mặt trận","issuerUnitId":"LD",
                  "issuedOn":"2026-06-30","tasks":[{"number":1,"text":"Nâng tỷ lệ tham gia","leadUnitId":"DT-X1"}],
                  "targets":[{"targetId":"t1","indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                              "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"}}],
                  "reportingDuty":{"cadences":["SEMIANNUAL"],"dueOffsetDays":15,"reportToUnitId":"LD"}}}""".formatted(id, status);
    }

    @SafeVarargs
    private static ResultMatcher page(org.hamcrest.Matcher<? super String>... matchers) {
        return MockMvcResultMatchers.content().string(allOf(matchers));
    }

    private static RequestPostProcessor user(String role, String unit) {
        return oidcLogin().idToken(token -> token.claim("unit_id", unit)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
