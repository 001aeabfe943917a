package org.danvan.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
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

import java.time.LocalDate;
import java.util.List;

import org.danvan.web.StubbedGatewayPageTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The report pages against a stubbed gateway: what they ask the API, what they show of its answers and problems. */
class ReportPagesTest extends StubbedGatewayPageTest {

    private static final String FORM = """
            {"code":"MTDT-QUY","name":"Báo cáo quý tình hình Mặt trận, đoàn thể","periodType":"QUARTERLY",
             "elements":[{"code":"RESIDENTS","name":"Số người trong độ tuổi","valueType":"INTEGER","required":true},
                         {"code":"MEMBERS_ENROLLED","name":"Số người tham gia đoàn thể","valueType":"INTEGER","required":true}],
             "rules":[{"code":"ENROLLED_WITHIN_RESIDENTS","name":"Số người tham gia không vượt quá số người trong độ tuổi",
                       "expression":"MEMBERS_ENROLLED <= RESIDENTS"}]}""";

    @Test
    void theUnitSeesEachFormForThisPeriodAndTheLastWithItsReportOrALinkToFillIt() throws Exception {
        List<String> periods = ReportPeriods.recent("QUARTERLY", LocalDate.now(clock));
        gateway.expect(requestTo(G + "/api/v1/report-forms")).andRespond(withSuccess("[" + FORM + "]", MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/reports?unit=DT-X1")).andRespond(withSuccess("""
                [{"id":"r1","formCode":"MTDT-QUY","unitId":"DT-X1","period":"%s","status":"RETURNED","late":false,"revision":0,"storeVersion":3}]"""
                .formatted(periods.get(1)), MediaType.APPLICATION_JSON));

        mvc.perform(get("/reports").with(cadre("DT-X1"))).andExpect(status().isOk())
                .andExpect(page(containsString("href=\"/reports/new?form=MTDT-QUY&amp;period=" + periods.get(0) + "\""),
                        containsString("href=\"/reports/r1\""), containsString("Bị trả lại để sửa"), not(containsString("review-link"))));
    }

    @Test
    void aReportThatBreaksARuleComesBackAsTypedWithTheRuleAndTheFieldErrorsInPlace() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/reports")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"formCode":"MTDT-QUY","unitId":"DT-X1","period":"2026Q3",
                         "values":{"RESIDENTS":{"value":"1.000"},"MEMBERS_ENROLLED":{"value":"1.200"}}}"""))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"title":"Yêu cầu không hợp lệ","status":400,"detail":"2 lỗi","errors":[
                         {"field":"rules.ENROLLED_WITHIN_RESIDENTS","message":"vi phạm quy tắc ENROLLED_WITHIN_RESIDENTS (1200 so với 1000)"},
                         {"field":"values.MEMBERS_ENROLLED","message":"giá trị quá lớn"}]}"""));
        gateway.expect(requestTo(G + "/api/v1/report-forms/MTDT-QUY")).andRespond(withSuccess(FORM, MediaType.APPLICATION_JSON));
        expectUnit("DT-X1", "Xã Hiệp Thạnh");

        mvc.perform(post("/reports").with(cadre("DT-X1")).with(csrf()).param("action", "submit").param("form", "MTDT-QUY")
                        .param("unit", "DT-X1").param("period", "2026Q3")
                        .param("values[RESIDENTS]", "1.000").param("values[MEMBERS_ENROLLED]", "1.200"))
                .andExpect(status().isOk())
                .andExpect(page(containsString("value=\"1.200\""), containsString("value=\"1.000\""),
                        containsString("vi phạm quy tắc ENROLLED_WITHIN_RESIDENTS (1200 so với 1000)"),
                        containsString("giá trị quá lớn"), containsString("data-expression=\"MEMBERS_ENROLLED &lt;= RESIDENTS\""),
                        matchesPattern("(?s).*id=\"v-RESIDENTS\"[^>]*aria-invalid=\"true\".*"),
                        not(containsString("class=\"alert\""))));
    }

    @Test
    void aDraftThatExistsIsSavedWithItsVersionThenSubmitted() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/reports/r1/values")).andExpect(method(HttpMethod.PUT)).andExpect(header("If-Match", "\"3\""))
                .andRespond(withSuccess(report("r1", "DRAFT", 4), MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/reports/r1/submit")).andExpect(header("If-Match", "\"4\""))
                .andRespond(withSuccess(report("r1", "SUBMITTED", 5), MediaType.APPLICATION_JSON));

        mvc.perform(post("/reports").with(cadre("DT-X1")).with(csrf()).param("action", "submit").param("id", "r1").param("version", "3")
                        .param("form", "MTDT-QUY").param("unit", "DT-X1").param("period", "2026Q3").param("values[RESIDENTS]", "1.000"))
                .andExpect(redirectedUrl("/reports/r1"));
    }

    @Test
    void onlyAReviewerAboveTheUnitIsOfferedToAcceptOrReturnASubmittedReport() throws Exception {
        expectReportPage("SUBMITTED");
        mvc.perform(get("/reports/r1").with(reviewer("LD"))).andExpect(status().isOk())
                .andExpect(page(containsString("id=\"do-accept\""), containsString("id=\"do-return\""), containsString("value=\"7\""),
                        containsString("Đã gửi, chờ duyệt"), containsString("1.000"),
                        containsString("<span class=\"unit-name\">Xã Hiệp Thạnh</span> <small class=\"unit-code\">DT-X1</small>")));
        gateway.reset();
        expectReportPage("SUBMITTED");
        mvc.perform(get("/reports/r1").with(reviewer("DT-X1"))).andExpect(status().isOk())
                .andExpect(page(not(containsString("id=\"do-accept\"")), not(containsString("id=\"submit-report\""))));
    }

    @Test
    void theReviewersQueueNamesTheUnitOfEachReportReadingEachUnitOnce() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/reports?status=SUBMITTED")).andRespond(withSuccess("[" + report("r1", "SUBMITTED", 7) + ","
                + report("r2", "SUBMITTED", 2) + "," + report("r3", "SUBMITTED", 2).replace("\"DT-X1\"", "\"DT-X2\"") + "]",
                MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/report-forms")).andRespond(withSuccess("[" + FORM + "]", MediaType.APPLICATION_JSON));
        expectUnit("DT-X1", "Xã Hiệp Thạnh");
        expectUnit("DT-X2", "Xã Tân Hội");

        mvc.perform(get("/reports/review").with(reviewer("LD"))).andExpect(status().isOk())
                .andExpect(page(matchesPattern("(?s).*Xã Hiệp Thạnh.*Xã Hiệp Thạnh.*Xã Tân Hội.*"), containsString("data-report-id=\"r3\"")));
    }

    @Test
    void anAcceptedReportShowsTheFiguresComputedFromItAndItsRevisionsWithTheirReasons() throws Exception {
        expectReportPage("ACCEPTED");
        gateway.expect(requestTo(G + "/api/v1/reports/r1/revisions")).andRespond(withSuccess("""
                [{"revision":1,"values":{},"acceptedOn":"2026-10-02"},
                 {"revision":2,"values":{},"reason":"Sửa số người tham gia theo sổ sách","acceptedOn":"2026-10-20"}]""",
                MediaType.APPLICATION_JSON));

        mvc.perform(get("/reports/r1").with(cadre("DT-X1"))).andExpect(status().isOk())
                .andExpect(page(containsString("id=\"figure-ENROLMENT_RATE\">80,0 %"), containsString("Sửa số người tham gia theo sổ sách"),
                        containsString("20/10/2026"), not(containsString("id=\"do-revise\""))));
    }

    @Test
    void aNewReportWithoutItsFormAndPeriodLeadsBackToTheOwedForms() throws Exception {
        mvc.perform(get("/reports/new").param("lang", "en").with(cadre("DT-X1"))).andExpect(redirectedUrl("/reports"));
    }

    @Test
    void theReportingPeriodsAreTheOneOfTodayAndTheOneBefore() {
        assertThat(ReportPeriods.recent("QUARTERLY", LocalDate.of(2026, 1, 15))).containsExactly("2026Q1", "2025Q4");
        assertThat(ReportPeriods.recent("SEMIANNUAL", LocalDate.of(2026, 11, 29))).containsExactly("2026H2", "2026H1");
        assertThat(ReportPeriods.recent("ANNUAL", LocalDate.of(2026, 11, 29))).containsExactly("2026", "2025");
    }

    private void expectReportPage(String status) {
        gateway.expect(requestTo(G + "/api/v1/reports/r1")).andRespond(withSuccess(report("r1", status, 7), MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/report-forms/MTDT-QUY")).andRespond(withSuccess(FORM, MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/indicators")).andRespond(withSuccess("""
                [{"code":"ENROLMENT_RATE","name":"Tỷ lệ tham gia","numerator":"MEMBERS_ENROLLED","denominator":"RESIDENTS","factor":100},
                 {"code":"CADRES_TRAINED_RATE","name":"Tỷ lệ cán bộ","numerator":"CADRES_TRAINED","denominator":"CADRES","factor":100}]""",
                MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/indicators/ENROLMENT_RATE/values?unit=DT-X1&period=2026Q3"))
                .andRespond(withSuccess("{\"indicatorCode\":\"ENROLMENT_RATE\",\"value\":80.0}", MediaType.APPLICATION_JSON));
        expectUnit("DT-X1", "Xã Hiệp Thạnh");
    }

    private static String report(String id, String status, long version) {
        return """
                {"id":"%s","formCode":"MTDT-QUY","unitId":"DT-X1","period":"2026Q3","status":"%s",
                 "values":{"RESIDENTS":{"value":1000},"MEMBERS_ENROLLED":{"value":800}},"submittedOn":"2026-10-01",
                 "returns":[],"revision":0,"storeVersion":%d}""".formatted(id, status, version);
    }

    @SafeVarargs
    private static org.springframework.test.web.servlet.ResultMatcher page(org.hamcrest.Matcher<? super String>... matchers) {
        return MockMvcResultMatchers.content().string(allOf(matchers));
    }

    static RequestPostProcessor cadre(String unit) {
        return oidcLogin().idToken(token -> token.claim("unit_id", unit)).authorities(new SimpleGrantedAuthority("ROLE_cadre"));
    }

    static RequestPostProcessor reviewer(String unit) {
        return oidcLogin().idToken(token -> token.claim("unit_id", unit))
                .authorities(new SimpleGrantedAuthority("ROLE_cadre"), new SimpleGrantedAuthority("ROLE_reviewer"));
    }
}
