package org.danvan.web.units;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.danvan.web.api.ApiProblem;
import org.danvan.web.api.ApiProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The unit tree pages of an operator, with directive-service's answers stubbed (its imports: {@link UnitImportPagesTest}). */
@SpringBootTest
class UnitsPagesTest {

    @Autowired
    private WebApplicationContext context;
    @MockitoBean
    private UnitTree tree;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void aRefusedChangeShowsTheFieldErrorBesideItsFieldWithWhatWasTyped() throws Exception {
        when(tree.get(eq("LD-X1"), any())).thenReturn(new UnitApi.Unit("LD-X1", "Xã Liên Nghĩa", "PARTY_COMMITTEE", "COMMUNE",
                LocalDate.of(1986, 1, 1), null, null, "LD", 3));
        when(tree.ancestors(anyString(), any())).thenReturn(List.of());
        org.mockito.Mockito.doThrow(new ApiProblemException(new ApiProblem(null, "Yêu cầu không hợp lệ", 400, null,
                List.of(new ApiProblem.FieldError("newParentId", "Không có đơn vị ZZ"))))).when(tree)
                .change(eq("LD-X1"), eq("move"), anyLong(), any());

        mvc.perform(post("/units/LD-X1/move").param("newParentId", "ZZ").param("validFrom", "01/07/2025").param("version", "3")
                        .with(operator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không có đơn vị ZZ")))
                .andExpect(content().string(containsString("value=\"01/07/2025\"")))
                .andExpect(content().string(containsString("<details id=\"change-move\" open")));
    }

    @Test
    void theTreeIsReadAtADateTypedDayFirstAndADateNotUnderstoodIsSaidBesideItsField() throws Exception {
        when(tree.roots(LocalDate.of(1980, 1, 1))).thenReturn(List.of(new UnitApi.Unit("LD", "Tỉnh ủy Lâm Đồng", "PARTY_COMMITTEE",
                "PROVINCE", LocalDate.of(1976, 1, 1), null, null, null, 0)));

        mvc.perform(get("/units").param("asOf", "01/01/1980").with(operator()))
                .andExpect(content().string(containsString("Các đơn vị cấp cao nhất vào ngày 01/01/1980")))
                .andExpect(content().string(containsString("href=\"/units/LD?asOf=01/01/1980\"")));
        mvc.perform(get("/units").param("asOf", "31/02/1980").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không hiểu ngày này")))
                .andExpect(content().string(containsString("value=\"31/02/1980\"")));
    }

    private static SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor operator() {
        return signedIn("vanhanh");
    }

    /** Signed in as the web application names its users: by {@code preferred_username}. */
    private static SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor signedIn(String username) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").subject(username).claim("preferred_username", username).build();
        return oidcLogin().oidcUser(new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_operator")), token, "preferred_username"));
    }
}
