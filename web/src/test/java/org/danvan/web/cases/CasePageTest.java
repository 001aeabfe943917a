package org.danvan.web.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.danvan.web.api.ApiProblem;
import org.danvan.web.api.ApiProblemException;
import org.danvan.web.units.UnitNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The case page's explanation, roadmap, duplicates and identity, with the API's answers given by a mock. */
@SpringBootTest
class CasePageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Autowired
    private WebApplicationContext context;
    @MockitoBean
    private StaffCases cases;
    @MockitoBean
    private UnitNames unitNames;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        when(unitNames.name(any())).thenAnswer(code -> code.getArgument(0));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void addingARoadmapRowKeepsWhatWasTypedAndSendsNothing() throws Exception {
        when(cases.get("c1")).thenReturn(accepted("COMPLAINT", List.of("resolve", "explain")));

        mvc.perform(post("/cases/c1/explain").with(user("cadre")).with(csrf()).param("addRow", "1").param("version", "4")
                        .param("explanation", "Chờ kinh phí").param("roadmap[0].description", "Khảo sát").param("roadmap[0].dueOn", "2026-12-20"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chờ kinh phí")))
                .andExpect(content().string(containsString("value=\"Khảo sát\"")))
                .andExpect(content().string(containsString("name=\"roadmap[1].description\"")));
        verify(cases, org.mockito.Mockito.never()).step(any(), any(), any());
    }

    @Test
    void theApisFieldErrorIsShownBesideTheRoadmapRowItNames() throws Exception {
        when(cases.get("c1")).thenReturn(accepted("COMPLAINT", List.of("resolve", "explain")));
        doThrow(new ApiProblemException(new ApiProblem(null, "Dữ liệu không hợp lệ", 400, null,
                List.of(new ApiProblem.FieldError("roadmap[0].dueOn", "Thời hạn đã qua")))))
                .when(cases).step(eq("c1"), eq("explain"), any());

        mvc.perform(post("/cases/c1/explain").with(user("cadre")).with(csrf()).param("version", "4")
                        .param("explanation", "Chờ kinh phí").param("roadmap[0].description", "").param("roadmap[0].dueOn", "")
                        .param("roadmap[1].description", "Khảo sát").param("roadmap[1].dueOn", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thời hạn đã qua")))
                // the spare first row went, so the row the API names is the one the page shows first
                .andExpect(content().string(containsString("value=\"Khảo sát\"")));
        ArgumentCaptor<StepForm> sent = ArgumentCaptor.forClass(StepForm.class);
        verify(cases).step(eq("c1"), eq("explain"), sent.capture());
        assertThat(sent.getValue().getRoadmap()).hasSize(1);
    }

    @Test
    void theCaseNamesItsAreaAndTheUnitThatHandlesItWithTheCodeBeside() throws Exception {
        when(cases.get("c1")).thenReturn(accepted("COMPLAINT", List.of()));
        when(unitNames.name("DT-X1")).thenReturn("Xã Hiệp Thạnh");
        when(unitNames.named("DT-X1")).thenReturn(true);

        mvc.perform(get("/cases/c1").with(user("cadre"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<dd id=\"case-responsible\"><span class=\"unit-name\">Xã Hiệp Thạnh</span> <small class=\"unit-code\">DT-X1</small></dd>")));
    }

    @Test
    void aCadreIsNotOfferedADenouncersIdentityAConfidentialHandlerIsAndIsToldItIsLogged() throws Exception {
        when(cases.get("d1")).thenReturn(accepted("DENUNCIATION", List.of()));

        mvc.perform(get("/cases/d1").with(user("cadre"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("identity-purpose"))));
        mvc.perform(get("/cases/d1").with(user("confidential-handler"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("identity-purpose")))
                .andExpect(content().string(containsString("Mỗi lần mở đều được ghi lại")));
    }

    @Test
    void theIdentityPageIsNeverCachedAndNamesThePurposeLogged() throws Exception {
        when(cases.get("d1")).thenReturn(accepted("DENUNCIATION", List.of()));
        when(cases.identity("d1", "Xác minh nội dung tố cáo")).thenReturn(List.of(
                new CaseViews.Identity("Nguyễn Văn An", null, "0901234567", null, "001090012345")));

        mvc.perform(post("/cases/d1/identity").with(user("confidential-handler")).with(csrf())
                        .param("purpose", " Xác minh nội dung tố cáo "))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("Xác minh nội dung tố cáo")));
    }

    @Test
    void aRefusedOpeningIsShownOnTheCasePageWithThePurposeKept() throws Exception {
        when(cases.get("d1")).thenReturn(accepted("DENUNCIATION", List.of()));
        when(cases.identity("d1", "tò mò")).thenThrow(new ApiProblemException(
                new ApiProblem(null, "Không tìm thấy", 404, "Không có vụ việc này trong phạm vi của bạn", null)));

        mvc.perform(post("/cases/d1/identity").with(user("confidential-handler")).with(csrf()).param("purpose", "tò mò"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không có vụ việc này trong phạm vi của bạn")))
                .andExpect(content().string(containsString(">tò mò</textarea>")));
        verify(cases).identity("d1", "tò mò");
        verify(cases, org.mockito.Mockito.atLeastOnce()).get("d1");
        verify(cases).duplicates("d1");
        verifyNoMoreInteractions(cases);
    }

    private static RequestPostProcessor user(String role) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_" + role)).idToken(token -> token.claim("preferred_username", "demo"));
    }

    private static CaseViews.StaffCase accepted(String kind, List<String> allowed) {
        return new CaseViews.StaffCase("c1", "PA-1", kind, 1, "ACCEPTED", allowed, "Đường hỏng", "Nội dung", "DT-X1", "DT-X1",
                false, TODAY.minusDays(5), TODAY, TODAY.plusDays(25), null, false, List.of(), List.of(), List.of(), 4);
    }
}
