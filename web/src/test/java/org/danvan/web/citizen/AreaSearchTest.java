package org.danvan.web.citizen;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A citizen without an account finds the area by its place name and chooses it; nothing typed is lost. */
@SpringBootTest
class AreaSearchTest {

    @Autowired
    private WebApplicationContext context;
    @MockitoBean
    private CitizenCases cases;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        when(cases.places("lien nghia")).thenReturn(List.of(new CaseApi.Place("DT-X1", "Đảng ủy xã Liên Nghĩa", "COMMUNE", "Tỉnh ủy Lâm Đồng")));
    }

    @Test
    void theSearchReRendersTheFormWithThePlacesFoundAsChoicesKeepingWhatWasTyped() throws Exception {
        mvc.perform(post("/citizen/file").param("search", "1").param("unitQuery", "lien nghia")
                        .param("subject", "Đường liên thôn xuống cấp").param("kind", "REFLECTION").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("type=\"radio\" value=\"DT-X1\" id=\"place-DT-X1\" name=\"areaUnitId\">")))
                .andExpect(content().string(containsString("Đảng ủy xã Liên Nghĩa")))
                .andExpect(content().string(containsString("— Tỉnh ủy Lâm Đồng")))
                .andExpect(content().string(containsString("value=\"lien nghia\"")))
                .andExpect(content().string(containsString("name=\"subject\" value=\"Đường li")));
    }

    @Test
    void aChosenPlaceStaysCheckedWhenTheFilingComesBackWithAProblem() throws Exception {
        when(cases.file(org.mockito.ArgumentMatchers.any())).thenThrow(new org.danvan.web.api.ApiProblemException(
                new org.danvan.web.api.ApiProblem(null, "Yêu cầu không hợp lệ", 400, null,
                        List.of(new org.danvan.web.api.ApiProblem.FieldError("subject", "Không được để trống")))));

        mvc.perform(post("/citizen/file").param("unitQuery", "lien nghia").param("areaUnitId", "DT-X1").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không được để trống")))
                .andExpect(content().string(containsString("id=\"place-DT-X1\" name=\"areaUnitId\" checked=\"checked\"")));
    }
}
