package org.danvan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The pages render without the platform (nothing is called before a form is sent or a staff page opened). */
@SpringBootTest
class PagesTest {

    @Autowired
    private WebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void theFrontPageIsVietnameseFirstWithAnEnglishSwitch() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"vi\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Gửi đơn")));
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("File a case")));
    }

    @Test
    void theLanguageSwitchLeadsBackToTheSamePageWithItsQuery() throws Exception {
        // as the browser sends it, encoded (a string here would be a template, encoded again)
        mvc.perform(get(java.net.URI.create("/track?code=PA-2026-0001&x=a%20b"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "id=\"switch-language\" href=\"/track?code=PA-2026-0001&amp;x=a%20b&amp;lang=en\"")));
        // the language asked for is replaced, not repeated
        mvc.perform(get("/track?lang=en&code=PA-2026-0001")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "id=\"switch-language\" href=\"/track?code=PA-2026-0001&amp;lang=vi\"")));
    }

    @Test
    void theFilingFormExplainsTheKindsAndProtectsADenouncerAndCarriesACsrfToken() throws Exception {
        mvc.perform(get("/citizen/file")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("danh tính của bạn được bảo vệ")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bạn báo cho cơ quan có thẩm quyền biết")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"kind-DENUNCIATION\"")))
                // sent twice (a double click, a reload), the form still files one case
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\".*")));
    }

    @Test
    void htmxAndTheStyleSheetAreServedFromTheApplication() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/danvan.css")).andExpect(status().isOk());
    }

    @Test
    void pageLinksAreNotLookedUpAsStaticResources() {
        // the resource chain's link filter would look every link of a page up on the class path
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .filteredOn(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty().noneMatch(FilterRegistrationBean::isEnabled);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/citizen/file").param("subject", "x")).andExpect(status().isForbidden());
    }

    @Test
    void staffPagesSendTheBrowserToTheSignIn() throws Exception {
        mvc.perform(get("/cases")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
    }
}
