package org.danvan.web.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.danvan.web.cases.StaffCases;
import org.danvan.web.units.UnitApi;
import org.danvan.web.units.UnitTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * "Đơn vị của tôi" for the province DT, which issued a directive with a target on its communes X1 (met) and
 * X2 (not met) and whose commune X2 has not sent its yearly report: the API's answers are stubbed.
 */
@SpringBootTest
class MyUnitPageTest {

    private static final ReportingApi.Entry X1 = new ReportingApi.Entry("DT-X1", "DT-X1", "Xã Liên Nghĩa", "COMMUNE", new BigDecimal("96.5"), "MET");
    private static final ReportingApi.Entry X2 = new ReportingApi.Entry("DT-X2", "DT-X2", "Xã Hiệp Thạnh", "COMMUNE", new BigDecimal("1234.5"), "NOT_MET");

    @Autowired
    private WebApplicationContext context;
    @MockitoBean
    private UnitFigures figures;
    @MockitoBean
    private UnitTree tree;
    @MockitoBean
    private StaffCases cases;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        UnitApi.Unit province = unit("DT", "Tỉnh ủy Lâm Đồng", "PROVINCE", null);
        when(tree.subtree(eq("DT"), any())).thenReturn(List.of(province, unit("DT-X1", "Xã Liên Nghĩa", "COMMUNE", "DT"),
                unit("DT-X2", "Xã Hiệp Thạnh", "COMMUNE", "DT")));
        when(figures.directivesInForce()).thenReturn(List.of(new ReportingApi.Directive("d1", "ISSUED",
                new ReportingApi.Content("05-NQ/TU", "Nghị quyết", "DT", new ReportingApi.Duty("DT", null)))));
        when(figures.targets("d1")).thenReturn(List.of(new ReportingApi.Target("d1", "05-NQ/TU", "t1", "ENROLMENT_RATE", "GTE",
                new BigDecimal("95"), null, "PERCENT", "Tỷ lệ kết nạp")));
        ReportingApi.Entry whole = new ReportingApi.Entry("DT", "DT", "Tỉnh ủy Lâm Đồng", "PROVINCE", new BigDecimal("50"), "NOT_MET");
        // the chart's series: nothing judged before 2026
        when(figures.attainments(eq("d1"), eq("t1"), any(), eq("DT"))).thenAnswer(call -> call.<List<Periods>>getArgument(2).stream()
                .map(p -> p.equals(Periods.parse("2026"))
                        ? new ReportingApi.Attainment("d1", "t1", "2026", "RATE", whole, 2, 1, List.of(X1, X2))
                        : new ReportingApi.Attainment("d1", "t1", p.toString(), "RATE", null, 2, 0, List.of()))
                .toList());
        when(figures.completeness("DT", Periods.parse("2026"))).thenReturn(List.of(new ReportingApi.FormCompleteness("DV-NAM",
                "Báo cáo năm", "DT", "2026", 2, 1, 2, 1, 1, 0, new BigDecimal("50"),
                List.of(new ReportingApi.Missing("DT-X2", "DT-X2", "Xã Hiệp Thạnh", "COMMUNE", List.of("2026"))))));
        when(figures.duty(anyString(), any())).thenThrow(new org.danvan.web.api.ApiProblemException(
                new org.danvan.web.api.ApiProblem(null, "Not Found", 404, null, null)));
        when(cases.queue("DT")).thenReturn(List.of());
    }

    @Test
    void theIssuerSeesItsTargetsStatusAChartWithItsTableAndWhoHasNotReported() throws Exception {
        mvc.perform(get("/unit").param("period", "2026").with(provinceReviewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tỷ lệ kết nạp")))
                // the whole for the issuer, and each commune's own status with its number in Vietnamese
                .andExpect(content().string(containsString("class=\"status NOT_MET\">Không đạt")))
                .andExpect(content().string(containsString("class=\"status MET\">Đạt")))
                .andExpect(content().string(containsString("96,5")))
                .andExpect(content().string(containsString("1.234,5")))
                // the chart is drawn here, with its figures as a table for screen readers
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("class=\"threshold\"")))
                .andExpect(content().string(containsString("Bảng số liệu của biểu đồ")))
                // who has not reported, a drill-down to the commune
                .andExpect(content().string(containsString("href=\"/unit?unit=DT-X2&amp;period=2026\"")))
                .andExpect(content().string(containsString("1/2")))
                .andExpect(content().string(containsString("/unit/indicators/ENROLMENT_RATE/values.xlsx?unit=DT&amp;period=2026")))
                // each of the page's tables in both formats
                .andExpect(content().string(containsString("href=\"/unit/targets.xlsx?unit=DT&amp;period=2026\"")))
                .andExpect(content().string(containsString("href=\"/unit/reports.csv?unit=DT&amp;period=2026\"")))
                .andExpect(content().string(containsString("href=\"/unit/reports.xlsx?unit=DT&amp;period=2026\"")))
                .andExpect(content().string(containsString("href=\"/unit/cases.xlsx?unit=DT\"")));
    }

    @Test
    void theTargetsTableDownloadsAsCsvWithVietnameseHeaders() throws Exception {
        mvc.perform(get("/unit/targets.csv").param("unit", "DT").param("period", "2026").with(provinceReviewer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(result -> {
                    String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    org.assertj.core.api.Assertions.assertThat(csv).startsWith("\uFEFFVăn bản,Chỉ tiêu,Chỉ số")
                            .contains("05-NQ/TU,Tỷ lệ kết nạp,ENROLMENT_RATE,≥ 95,DT-X2,Xã Hiệp Thạnh,1234.5,Không đạt");
                });
        mvc.perform(get("/unit/reports.csv").param("unit", "DT").param("period", "2026").with(provinceReviewer()))
                .andExpect(status().isOk())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("DV-NAM,Báo cáo năm,1,2,DT-X2,Xã Hiệp Thạnh,DV-NAM 2026"));
    }

    @Test
    void everyTableDownloadsAsAWorkbookWithItsVietnameseTextAndNumbersAndDatesTyped() throws Exception {
        when(cases.queue("DT")).thenReturn(List.of(new org.danvan.web.cases.CaseViews.StaffCase("c1", "PA-1", "COMPLAINT", 1,
                "ACCEPTED", List.of(), "Đường liên thôn hỏng", "Nội dung", "DT-X1", "DT-X1", false, LocalDate.of(2026, 11, 2),
                null, LocalDate.of(2026, 12, 2), null, false, List.of(), List.of(), List.of(), 4)));

        Sheet targets = workbook("/unit/targets.xlsx");
        assertThat(targets.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Văn bản");
        Row x2 = row(targets, "Xã Hiệp Thạnh");
        assertThat(x2.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(x2.getCell(6).getNumericCellValue()).isEqualTo(1234.5);
        assertThat(x2.getCell(7).getStringCellValue()).isEqualTo("Không đạt");

        Row owing = row(workbook("/unit/reports.xlsx"), "Xã Hiệp Thạnh");
        assertThat(owing.getCell(2).getNumericCellValue()).isEqualTo(1);
        assertThat(owing.getCell(3).getNumericCellValue()).isEqualTo(2);

        Row c1 = row(workbook("/unit/cases.xlsx"), "Đường liên thôn hỏng");
        assertThat(c1.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(c1.getCell(5).getStringCellValue()).isEqualTo("PA-1");
    }

    private Sheet workbook(String path) throws Exception {
        byte[] body = mvc.perform(get(path).param("unit", "DT").param("period", "2026").with(provinceReviewer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            return workbook.getSheetAt(0);
        }
    }

    /** The row with a text cell reading {@code text}. */
    private static Row row(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row reads " + text);
    }

    @Test
    void reportingServicesOwnExportIsPassedOnWithTheUsersToken() throws Exception {
        when(figures.indicatorExport("ENROLMENT_RATE", "DT", Periods.parse("2026"), "xlsx")).thenReturn(ResponseEntity.ok()
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"ENROLMENT_RATE_DT_2026.xlsx\"").body(new byte[] {80, 75}));

        mvc.perform(get("/unit/indicators/ENROLMENT_RATE/values.xlsx").param("unit", "DT").param("period", "2026").with(provinceReviewer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ENROLMENT_RATE_DT_2026.xlsx\""))
                .andExpect(content().bytes(new byte[] {80, 75}));
    }

    @Test
    void aPeriodTheApiWouldNotUnderstandFallsBackToThisYear() throws Exception {
        mvc.perform(get("/unit").param("period", "2026Q9").with(provinceReviewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("2026Q9"))));
    }

    private static SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor provinceReviewer() {
        return oidcLogin().idToken(token -> token.claim("unit_id", "DT").claim("preferred_username", "tinh.canbo"));
    }

    private static UnitApi.Unit unit(String code, String name, String level, String parent) {
        return new UnitApi.Unit(code, name, "PARTY_COMMITTEE", level, LocalDate.of(1976, 1, 1), null, null, parent, 0);
    }
}
