package org.danvan.web.units;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.danvan.web.StubbedGatewayPageTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Importing units: the dry run, the job started through the gateway and its page, which reads it from the API. */
class UnitImportPagesTest extends StubbedGatewayPageTest {

    private static final String CSV = "ma,ten,loai,cap,ma cap tren,ngay thanh lap\nX,Xã X,PARTY_COMMITTEE,COMMUNE,LD,01/01/1986\n";
    private static final String JOB = G + "/api/v1/units/imports/job-1";

    @Test
    void aFileWithRowErrorsIsReportedRowByRowAndCannotBeImported() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/units/imports?dryRun=true")).andExpect(method(HttpMethod.POST))
                .andExpect(header("Content-Type", "text/csv")).andExpect(content().string(CSV))
                .andRespond(withSuccess("""
                        {"dryRun":true,"rows":3,"imported":0,"alreadyRegistered":0,"rowsAtFault":1,"durationMs":4,
                         "errors":[{"row":2,"code":"LD-X9","errors":["Không có đơn vị cấp trên ZZ"]}]}""", MediaType.APPLICATION_JSON));

        mvc.perform(multipart("/units/import").file(file()).with(operator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(page(containsString("1 dòng lỗi trong 3 dòng"), containsString("Không có đơn vị cấp trên ZZ"),
                        not(containsString("id=\"import-submit\""))));
    }

    @Test
    void aCheckedFileIsStartedThroughTheGatewayAndItsPageFollowsTheJobWithoutScript() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/units/imports?dryRun=true")).andRespond(withSuccess("""
                {"dryRun":true,"rows":2211,"imported":0,"alreadyRegistered":211,"rowsAtFault":0,"errors":[],"durationMs":40}""", MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/units/imports?fileName=units.csv")).andExpect(method(HttpMethod.POST))
                .andExpect(content().string(CSV))
                .andRespond(withStatus(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).header("Location", "/api/v1/units/imports/job-1")
                        .body(job("QUEUED", 0, null, null, null)));
        gateway.expect(requestTo(JOB)).andRespond(withSuccess(job("IMPORTING", 1000, null, null, null), MediaType.APPLICATION_JSON));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(multipart("/units/import").file(file()).session(session).with(operator()).with(csrf()))
                .andExpect(page(containsString("Cả 2.211 dòng đều hợp lệ"), containsString("211 dòng là đơn vị đã có sẵn"),
                        containsString("id=\"import-submit\"")));
        mvc.perform(post("/units/import/start").session(session).with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/units/import/job-1"));

        // the page reloads itself without script, asks for its progress again with htmx, and says it politely
        mvc.perform(get("/units/import/job-1").with(operator()))
                .andExpect(status().isOk())
                .andExpect(page(containsString("<meta http-equiv=\"refresh\" content=\"2\">"),
                        containsString("hx-get=\"/units/import/job-1\""),
                        containsString("<progress id=\"import-bar\" max=\"2211\" value=\"1000\">1.000 / 2.211</progress>"),
                        containsString("role=\"status\" aria-live=\"polite\""),
                        containsString("Đã xong 1.000 trong 2.211 dòng."), containsString("Đang nhập…")));
    }

    @Test
    void aDoneJobShowsItsReportAndStopsRefreshing() throws Exception {
        gateway.expect(requestTo(JOB)).andRespond(withSuccess(job("DONE", 2211, null, "2026-03-10T02:00:42Z", """
                {"dryRun":false,"rows":2211,"imported":2000,"alreadyRegistered":211,"rowsAtFault":0,"errors":[],"durationMs":41500}"""),
                MediaType.APPLICATION_JSON));

        mvc.perform(get("/units/import/job-1").with(operator()))
                .andExpect(page(containsString("<progress id=\"import-bar\" max=\"2211\" value=\"2211\">"),
                        containsString("Đã xong 2.211 trong 2.211 dòng."), containsString("Đã nhập 2.000 đơn vị (41.500 ms)."),
                        containsString("211 đơn vị đã có sẵn"), containsString("Thời gian: 42 giây"),
                        not(containsString("http-equiv=\"refresh\"")), not(containsString("hx-get="))));
    }

    @Test
    void aFailedJobShowsTheApisProblemAndItsRowsAtFaultInTheUsersLanguage() throws Exception {
        gateway.expect(requestTo(JOB)).andRespond(withSuccess(job("FAILED", 0, """
                {"reason":"ROW_ERRORS","title":"Not imported: the file has rows at fault","detail":"1500 rows at fault out of 2211; no unit was imported."}""",
                "2026-03-10T02:00:03Z", """
                {"dryRun":false,"rows":2211,"imported":0,"alreadyRegistered":0,"rowsAtFault":1500,"durationMs":3000,
                 "errors":[{"row":7,"code":"LD-X7","errors":["a unit with code LD-X7 already exists"]}]}"""), MediaType.APPLICATION_JSON));

        // the user chose English earlier: the cookie that remembers it
        mvc.perform(get("/units/import/job-1").cookie(new Cookie("danvan-lang", "en")).with(operator()))
                .andExpect(page(containsString("Not imported: the file has rows at fault"),
                        containsString("1500 rows at fault out of 2211; no unit was imported."),
                        containsString("The first 1 rows at fault (of 1,500)"),
                        containsString("a unit with code LD-X7 already exists"), containsString("0 of 2,211 rows done.")));
    }

    @Test
    void anotherUsersImportDoesNotExistForThem() throws Exception {
        gateway.expect(requestTo(JOB)).andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"title\":\"Không tìm thấy\",\"status\":404}"));

        mvc.perform(get("/units/import/job-1").with(operator())).andExpect(status().isNotFound());
    }

    private static String job(String phase, int rowsDone, String problem, String endedAt, String report) {
        return """
                {"id":"job-1","fileName":"units.csv","rowsTotal":2211,"rowsDone":%d,"phase":"%s","problem":%s,
                 "startedAt":"2026-03-10T02:00:00Z","endedAt":%s,"report":%s}"""
                .formatted(rowsDone, phase, problem, endedAt == null ? null : '"' + endedAt + '"', report);
    }

    private static MockMultipartFile file() {
        return new MockMultipartFile("file", "units.csv", "text/csv", CSV.getBytes());
    }

    private static ResultMatcher page(org.hamcrest.Matcher<? super String>... matchers) {
        return MockMvcResultMatchers.content().string(allOf(matchers));
    }

    private static RequestPostProcessor operator() {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").subject("vanhanh").claim("preferred_username", "vanhanh").build();
        return oidcLogin().oidcUser(new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_operator")), token, "preferred_username"));
    }
}
