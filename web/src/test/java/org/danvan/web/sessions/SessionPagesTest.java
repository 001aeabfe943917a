package org.danvan.web.sessions;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The session pages against a stubbed gateway. */
class SessionPagesTest extends StubbedGatewayPageTest {

    @Test
    void theUnitSeesItsSessionsLatestFirstAndItsPetitionDutiesWithTheOverdueMarked() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/sessions?unit=DT-X1")).andRespond(withSuccess("""
                [{"id":"s1","kind":"RECEPTION_DAY","hostUnitId":"DT-X1","hostName":"Nguyễn Văn An","heldOn":"2026-10-05",
                  "commitments":[{"number":1,"text":"Sửa đèn","responsibleUnitId":"DT-X1","dueOn":"2026-10-30"}],"version":1},
                 {"id":"s2","kind":"DIALOGUE","hostUnitId":"DT-X1","hostName":"Trần Thị Bình","heldOn":"2026-11-02","version":1}]""",
                MediaType.APPLICATION_JSON));
        gateway.expect(requestTo(G + "/api/v1/petitions?unit=DT-X1")).andRespond(withSuccess("""
                [{"id":"p1","title":"Làm lại đường liên thôn","duties":[
                   {"threshold":100,"kind":"WRITTEN_RESPONSE","createdOn":"2020-01-01","dueOn":"2020-01-31"}]},
                 {"id":"p2","title":"Chưa đủ chữ ký","duties":[]}]""", MediaType.APPLICATION_JSON));
        expectUnit("DT-X1", "Xã Hiệp Thạnh");

        mvc.perform(get("/sessions").with(cadre())).andExpect(status().isOk())
                .andExpect(page(containsString("Làm lại đường liên thôn"), containsString("Trả lời bằng văn bản (từ 100 chữ ký)"),
                        containsString("31/01/2020"), containsString("class=\"overdue\""), not(containsString("Chưa đủ chữ ký")),
                        org.hamcrest.Matchers.matchesPattern("(?s).*02/11/2026.*05/10/2026.*"),
                        containsString("Nguyễn Văn An</span>, <span class=\"unit-name\">Xã Hiệp Thạnh</span>")));
    }

    @Test
    void addingACommitmentRowKeepsWhatWasTyped() throws Exception {
        mvc.perform(session(post("/sessions/new")).param("addCommitment", "1")).andExpect(status().isOk())
                .andExpect(page(containsString(">Đường thôn 1 ngập khi mưa</textarea>"), containsString("id=\"commitment-1-text\""),
                        containsString("value=\"Nguyễn Văn An\"")));
    }

    @Test
    void recordingSendsTheMattersAndCommitmentsAndTheApisFieldErrorsLandBesideThem() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/sessions")).andExpect(method(HttpMethod.POST)).andExpect(content().json("""
                        {"kind":"RECEPTION_DAY","hostUnitId":"DT-X1","hostName":"Nguyễn Văn An","hostTitle":"Bí thư","hostedBySecretary":true,
                         "heldOn":"2026-11-02","place":"Hội trường xã","attendees":25,"matters":["Đường thôn 1 ngập khi mưa"],
                         "commitments":[{"text":"Khơi thông cống","responsibleUnitId":"DT-X1","dueOn":"2026-12-15"}]}"""))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"title":"Yêu cầu không hợp lệ","status":400,"detail":"1 lỗi",
                         "errors":[{"field":"heldOn","message":"phải là ngày trong quá khứ hoặc hôm nay"}]}"""));

        mvc.perform(session(post("/sessions/new"))).andExpect(status().isOk())
                .andExpect(page(containsString("phải là ngày trong quá khứ hoặc hôm nay"), containsString("value=\"15/12/2026\"")));
    }

    @Test
    void aCommitmentIsFulfilledToday() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/sessions/s1/commitments/1/fulfil"))
                .andExpect(content().json("{\"on\":\"" + BusinessDay.today(clock) + "\"}"))
                .andRespond(withSuccess("{\"id\":\"s1\",\"kind\":\"RECEPTION_DAY\",\"version\":2}", MediaType.APPLICATION_JSON));

        mvc.perform(post("/sessions/s1/commitments/1/fulfil").with(cadre()).with(csrf())).andExpect(redirectedUrl("/sessions/s1"));
    }

    @Test
    void aSessionShowsItsMattersAndOffersToFulfilOnlyTheOpenCommitments() throws Exception {
        gateway.expect(requestTo(G + "/api/v1/sessions/s1")).andRespond(withSuccess("""
                {"id":"s1","kind":"DIALOGUE","hostUnitId":"DT-X1","hostName":"Nguyễn Văn An","hostTitle":"Bí thư","heldOn":"2026-10-05",
                 "place":"Nhà văn hóa thôn 1","attendees":40,"matters":[{"number":1,"summary":"Đường thôn 1 ngập khi mưa","caseId":"c9"}],
                 "commitments":[{"number":1,"text":"Khơi thông cống","responsibleUnitId":"DT-X1","dueOn":"2026-10-30"},
                                {"number":2,"text":"Lắp đèn","responsibleUnitId":"DT-X1","dueOn":"2026-10-30","fulfilledOn":"2026-10-20"}],
                 "version":3}""", MediaType.APPLICATION_JSON));
        expectUnit("DT-X1", "Xã Hiệp Thạnh");

        mvc.perform(get("/sessions/s1").with(cadre())).andExpect(status().isOk())
                .andExpect(page(containsString("Hội nghị đối thoại"), containsString("05/10/2026"), containsString("href=\"/cases/c9\""),
                        containsString("id=\"fulfil-1\""), not(containsString("id=\"fulfil-2\"")), containsString("Đã thực hiện ngày 20/10/2026"),
                        containsString("Đơn vị thực hiện <span class=\"unit-name\">Xã Hiệp Thạnh</span> <small class=\"unit-code\">DT-X1</small>, hạn 30/10/2026")));
    }

    private static MockHttpServletRequestBuilder session(MockHttpServletRequestBuilder request) {
        return request.with(cadre()).with(csrf()).param("kind", "RECEPTION_DAY").param("hostUnitId", "DT-X1")
                .param("hostName", "Nguyễn Văn An").param("hostTitle", "Bí thư").param("hostedBySecretary", "true")
                .param("heldOn", "02/11/2026").param("place", "Hội trường xã").param("attendees", "25")
                .param("matters[0]", "Đường thôn 1 ngập khi mưa").param("commitments[0].text", "Khơi thông cống")
                .param("commitments[0].responsibleUnitId", "DT-X1").param("commitments[0].dueOn", "15/12/2026");
    }

    @SafeVarargs
    private static ResultMatcher page(org.hamcrest.Matcher<? super String>... matchers) {
        return MockMvcResultMatchers.content().string(allOf(matchers));
    }

    private static RequestPostProcessor cadre() {
        return oidcLogin().idToken(token -> token.claim("unit_id", "DT-X1")).authorities(new SimpleGrantedAuthority("ROLE_cadre"));
    }
}
