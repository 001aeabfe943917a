package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Đơn vị của tôi" in real Chromium: the province (LD) issued a directive with an enrolment target on its
 * communes and a quarterly reporting duty; the commune Liên Nghĩa reported 965 of 1,000 and the province
 * accepted it, Hiệp Thạnh has not reported. The province's cadre sees the target, its chart and who has not
 * reported, and drills down to Liên Nghĩa, which meets the target.
 */
@ExtendWith(BrowserTests.class)
class DashboardBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Browser browser;
    private static String gateway;
    /** The quarter the dashboard is read for: the commune's report is for it alone, whatever other tests report for the year. */
    private static String quarter;
    private static String description;

    @BeforeAll
    static void setUp(WebPlatform platform, Browser browser) throws Exception {
        DashboardBrowserIT.browser = browser;
        gateway = platform.gateway();
        browser.takeAccessibilityViolations();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        // the last quarter that is over, so that its report may be submitted
        LocalDate lastQuarter = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3 + 1);
        // issued on the quarter's year, so the directive is in force for it even in January
        String year = Integer.toString(lastQuarter.getYear());
        quarter = lastQuarter.getYear() + "Q" + ((lastQuarter.getMonthValue() - 1) / 3 + 1);
        description = "Tỷ lệ tham gia đoàn thể " + UUID.randomUUID().toString().substring(0, 4);
        String province = platform.accessToken("tinh.canbo");
        String directive = send("POST", "/api/v1/directives", province, """
                {"number":"%s","kind":"RESOLUTION","title":"Nghị quyết về nâng cao chất lượng đoàn thể",
                 "issuerUnitId":"LD","issuedOn":"%s-01-02","recipientUnitIds":["DT-X1","DT-X2"],
                 "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                             "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"},"description":"%s"}],
                 "reportingDuty":{"cadence":"QUARTERLY","dueOffsetDays":15,"reportToUnitId":"LD"}}
                """.formatted("12-NQ/TU-" + UUID.randomUUID(), year, description), 201).path("id").asString();
        String commune = platform.accessToken("xa.canbo");
        // reporting-service registers the commune and the directive from their events, a moment after
        HttpResponse<String> report = await("the commune's report").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> call("POST", "/api/v1/reports", commune, """
                        {"formCode":"MTDT-QUY","unitId":"DT-X1","period":"%s","values":{"RESIDENTS":{"value":1000},
                         "MEMBERS_ENROLLED":{"value":965},"MEMBERS_ACTIVE":{"value":900}}}""".formatted(quarter)),
                        created -> created.statusCode() == 201);
        String id = JSON.readTree(report.body()).path("id").asString();
        send("POST", "/api/v1/reports/" + id + "/submit", commune, "{}", 200);
        send("POST", "/api/v1/reports/" + id + "/accept", province, "{}", 200);
        String target = await("the directive's target").atMost(Duration.ofSeconds(60))
                .until(() -> JSON.readTree(call("GET", "/api/v1/targets?directive=" + directive, province, null).body()),
                        targets -> targets.size() == 1).get(0).path("targetId").asString();
        await("Liên Nghĩa's figure").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> call("GET", "/api/v1/targets/" + directive + "/" + target + "/attainment?period=" + quarter, province, null).body(),
                        body -> body.contains("\"unitId\":\"DT-X1\"") && body.contains("\"status\":\"MET\""));
    }

    @Test
    void theProvincesCadreSeesItsTargetChartAndWhoHasNotReportedThenDrillsDownToACommune() throws IOException {
        // Vietnamese, whatever another test of this JVM left the shared browser's language cookie at
        browser.open("/?lang=vi");
        browser.signInAt("/unit?period=" + quarter, "tinh.canbo");
        browser.page("dashboard");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Tỉnh ủy Lâm Đồng");
        WebElement article = browser.findAll(By.cssSelector("article.target")).stream()
                .filter(a -> a.getText().contains(description)).findFirst().orElseThrow();
        assertThat(article.findElements(By.tagName("svg"))).as("the chart of the province's figure").isNotEmpty();
        WebElement liênNghĩa = article.findElements(By.cssSelector("table.by-unit tbody tr")).stream()
                .filter(row -> row.getText().contains("Liên Nghĩa")).findFirst().orElseThrow();
        assertThat(liênNghĩa.getText()).contains("96,5").contains("Đạt");
        assertThat(browser.findAll(By.cssSelector("table.reports ul.owing li")).stream().map(WebElement::getText).toList())
                .as("who has not reported").anyMatch(owing -> owing.contains("Hiệp Thạnh"));

        liênNghĩa.findElement(By.tagName("a")).click();
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Đảng ủy xã Liên Nghĩa");
        WebElement row = browser.findAll(By.cssSelector("table.targets tbody tr")).stream()
                .filter(r -> r.getText().contains(description)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("96,5").contains("Đạt");
        WebElement chart = browser.findAll(By.cssSelector("article.target")).stream()
                .filter(a -> a.getText().contains(description)).findFirst().orElseThrow();
        assertThat(chart.findElements(By.cssSelector("svg circle.MET"))).as("the commune's figure on its chart").hasSize(1);
        assertThat(browser.findAll(By.cssSelector("nav.trail a")).stream().map(WebElement::getText).toList())
                .containsExactly("Tỉnh ủy Lâm Đồng");
        browser.page("dashboard-commune");
        browser.signOut();

        assertThat(browser.takeAccessibilityViolations()).as("serious or critical accessibility violations").isEmpty();
    }

    private static JsonNode send(String method, String path, String token, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, token, body);
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
