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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Reports, directives and sessions in real Chromium against the platform run as processes: the commune's cadre fills a
 * report that breaks a rule of its form, sees it as they type and when they submit, corrects it and submits; the
 * province's reviewer accepts it and the figure computed from it changes, on the report and, with its chart, on the
 * commune's dashboard against the province's target. A reviewer issues a directive with a task
 * and a target and the recipient commune's cadre acknowledges it. A cadre records a reception day with a matter
 * and a commitment and fulfils it. Every page is saved at 1280 and 360 px and
 * checked with axe-core.
 */
@ExtendWith(BrowserTests.class)
class ReportsBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The province's target on the commune's enrolment rate, whose figure and chart the dashboard shows. */
    private static final int VALUE = 3;
    private static final int STATUS = 4;
    private static final String TARGET = "Tỷ lệ tham gia đoàn thể của xã " + java.util.UUID.randomUUID().toString().substring(0, 4);
    private static Browser browser;

    @BeforeAll
    static void setUp(WebPlatform platform, Browser browser) throws IOException, InterruptedException {
        ReportsBrowserIT.browser = browser;
        browser.takeAccessibilityViolations();
        // reporting-service learns the units from their events: the commune's figures answer once it has
        String token = platform.accessToken("xa.canbo");
        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
        await("reporting-service knows the commune").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                HTTP.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/v1/indicators/ENROLMENT_RATE/values?unit=DT-X1&period=" + year))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        // a yearly target since last year, so it judges whichever quarter the cadre reports on, even in January
        String province = platform.accessToken("tinh.canbo");
        String directive = """
                {"number":"%s","kind":"RESOLUTION","title":"Nghị quyết về tỷ lệ tham gia đoàn thể","issuerUnitId":"LD",
                 "issuedOn":"%d-01-02","recipientUnitIds":["DT-X1"],
                 "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                             "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"},"description":"%s"}]}
                """.formatted("15-NQ/TU-" + java.util.UUID.randomUUID(), Integer.parseInt(year) - 1, TARGET);
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/v1/directives"))
                .header("Authorization", "Bearer " + province).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(directive)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    }

    @Test
    void aCadreCorrectsAReportThatBreaksARuleSubmitsItAndTheReviewersAcceptanceChangesItsFigure() throws IOException {
        browser.signInAt("/reports", "xa.canbo");
        browser.open("/reports");
        browser.page("reports-owed");
        WebElement fill = browser.find(By.cssSelector("#owed tr[data-form='MTDT-QUY'] a.fill"));
        String period = fill.getDomAttribute("href").replaceAll(".*period=([0-9QH]+).*", "$1");
        fill.click();
        browser.page("report-new");

        type("RESIDENTS", "1.000");
        type("MEMBERS_ENROLLED", "1.200");
        type("MEMBERS_ACTIVE", "600");
        WebElement rule = browser.find(By.id("rule-ENROLLED_WITHIN_RESIDENTS"));
        assertThat(rule.isDisplayed()).as("the form's rule, checked as the cadre types").isTrue();
        assertThat(browser.find(By.id("v-MEMBERS_ENROLLED")).getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.page("report-rule-as-typed");

        browser.submit(By.id("submit-report"));
        assertThat(browser.find(By.id("rule-ENROLLED_WITHIN_RESIDENTS")).getText()).as("the API's refusal, in place")
                .contains("ENROLLED_WITHIN_RESIDENTS");
        assertThat(browser.find(By.id("v-MEMBERS_ENROLLED")).getDomProperty("value")).as("nothing typed is lost").isEqualTo("1.200");
        assertThat(browser.find(By.id("v-RESIDENTS")).getDomProperty("value")).isEqualTo("1.000");
        browser.page("report-rule-refused");

        type("MEMBERS_ENROLLED", "800");
        assertThat(browser.find(By.id("rule-ENROLLED_WITHIN_RESIDENTS")).isDisplayed()).as("the rule holds now").isFalse();
        browser.submit(By.id("submit-report"));
        assertThat(status()).as(alerts()).isEqualTo("Đã gửi, chờ duyệt");
        assertThat(browser.text(By.id("figure-ENROLMENT_RATE"))).as("a report not yet accepted does not count").isEqualTo("Chưa có số liệu");
        String reportUrl = browser.driver().getCurrentUrl();
        browser.page("report-submitted");
        browser.signOut();

        browser.signInAt("/reports/review", "tinh.canbo");
        browser.open("/reports/review");
        browser.page("reports-review");
        String reportId = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);
        browser.find(By.cssSelector("#review tr[data-report-id='" + reportId + "'] a")).click();
        browser.page("report-review");
        String reviewUrl = browser.driver().getCurrentUrl();
        browser.open("/unit?unit=DT-X1&period=" + period);
        await("the province's target on the commune's dashboard").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.driver().navigate().refresh();
                    return browser.text(By.tagName("main"));
                }, page -> page.contains(TARGET));
        assertThat(targetCell(VALUE)).as("nothing accepted yet").doesNotStartWith("80");
        assertThat(targetCell(STATUS)).as("nothing accepted yet").isNotIn("Không đạt", "Có nguy cơ không đạt");
        browser.driver().get(reviewUrl);
        browser.submit(By.id("do-accept"));
        assertThat(status()).as(alerts()).isEqualTo("Đã chấp nhận");
        // the figure follows the acceptance event through reporting-service's aggregates
        await("the figure computed from the accepted report").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.driver().navigate().refresh();
                    return browser.text(By.id("figure-ENROLMENT_RATE"));
                }, figure -> figure.equals("80,0 %"));
        browser.page("report-accepted");
        browser.open("/unit?unit=DT-X1&period=" + period);
        // below the threshold: not met, or at risk while the year runs
        await("the dashboard's figure").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.driver().navigate().refresh();
            return targetCell(VALUE) + " / " + targetCell(STATUS);
        }, shown -> shown.startsWith("80") && (shown.endsWith(" / Không đạt") || shown.endsWith(" / Có nguy cơ không đạt")));
        WebElement chart = browser.findAll(By.cssSelector("article.target")).stream()
                .filter(article -> article.getText().contains(TARGET)).findFirst().orElseThrow();
        assertThat(chart.findElements(By.cssSelector("svg circle.NOT_MET, svg circle.AT_RISK")))
                .as("the commune's figure on the chart, below the threshold").hasSize(1);
        browser.page("dashboard-after-report");
        browser.signOut();

        assertThat(browser.takeAccessibilityViolations()).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void aReviewerIssuesADirectiveWithATaskAndATargetAndTheRecipientsCadreAcknowledgesIt() throws IOException {
        String number = "DV-" + System.currentTimeMillis() % 100000 + "/TU";
        browser.signInAt("/directives/new", "tinh.canbo");
        browser.open("/directives/new");
        browser.find(By.id("number")).sendKeys(number);
        browser.find(By.id("title")).sendKeys("Nghị quyết về công tác dân vận ở cơ sở");
        browser.find(By.id("recipientUnitIds")).sendKeys("DT-X1");
        browser.find(By.id("task-0-text")).sendKeys("Tổ chức học tập, quán triệt nghị quyết đến chi bộ");
        browser.find(By.id("task-0-lead")).sendKeys("DT-X1");
        // a second row: a submit that renders the form again keeping what was typed, which htmx narrows to the tasks
        browser.find(By.id("add-task")).click();
        await("a second task row").atMost(Duration.ofSeconds(20)).until(() -> !browser.findAll(By.id("task-1-text")).isEmpty());
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).as("focus stays on the button").isEqualTo("add-task");
        assertThat(browser.find(By.id("task-0-text")).getDomProperty("value")).isEqualTo("Tổ chức học tập, quán triệt nghị quyết đến chi bộ");
        browser.find(By.id("task-1-text")).sendKeys("Xây dựng mô hình dân vận khéo");
        new Select(browser.find(By.id("target-0-indicator"))).selectByValue("ENROLMENT_RATE");
        browser.find(By.id("target-0-threshold")).sendKeys("95");
        new Select(browser.find(By.id("target-0-levels"))).selectByValue("COMMUNE");
        browser.find(By.cssSelector("input[name='reportingDuty.cadences'][value='SEMIANNUAL']")).click();
        browser.page("directive-draft");
        browser.submit(By.id("issue-directive"));
        assertThat(browser.text(By.id("directive-status"))).as(alerts()).isEqualTo("Đã ban hành");
        assertThat(browser.findAll(By.cssSelector("#tasks > li"))).hasSize(2);
        assertThat(browser.text(By.id("targets"))).contains("Tỷ lệ người dân tham gia").contains("≥ 95 %").contains("Xã");
        String directiveUrl = browser.driver().getCurrentUrl();
        browser.page("directive-issued");
        browser.signOut();

        browser.signInAt("/directives", "xa.canbo");
        browser.open("/directives?q=cong%20tac%20dan%20van%20o%20co%20so");
        assertThat(browser.text(By.id("directives"))).as("found without diacritics").contains(number);
        browser.page("directives-search");
        browser.driver().get(directiveUrl);
        browser.submit(By.id("do-acknowledge"));
        assertThat(browser.text(By.id("done"))).as(alerts()).contains("đã xác nhận");
        browser.page("directive-acknowledged");
        browser.find(By.id("compliance-link")).click();
        assertThat(browser.text(By.id("acknowledged-count"))).isEqualTo("1");
        browser.page("directive-compliance");
        browser.signOut();

        assertThat(browser.takeAccessibilityViolations()).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void aCadreRecordsAReceptionDayWithAMatterAndACommitmentAndFulfilsIt() throws IOException {
        browser.signInAt("/sessions", "xa.canbo");
        browser.open("/sessions/new");
        browser.find(By.id("hostName")).sendKeys("Nguyễn Văn An");
        browser.find(By.id("hostTitle")).sendKeys("Bí thư Đảng ủy xã");
        browser.find(By.cssSelector("input[name='hostedBySecretary']")).click();
        browser.find(By.id("place")).sendKeys("Hội trường Đảng ủy xã");
        WebElement attendees = browser.find(By.id("attendees"));
        attendees.clear();
        attendees.sendKeys("12");
        browser.find(By.id("matter-0")).sendKeys("Đường thôn 1 ngập khi mưa lớn");
        browser.find(By.id("commitment-0-text")).sendKeys("Khơi thông cống thoát nước thôn 1");
        browser.find(By.id("commitment-0-unit")).sendKeys("DT-X1");
        browser.find(By.id("commitment-0-due")).sendKeys(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.page("session-new");
        // feedback-service knows the commune once it has consumed the unit's event: until then the form comes back
        // with the problem and everything typed, so the cadre simply records it again
        await("the session recorded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.submit(By.id("record-session"));
            return !browser.findAll(By.id("commitments")).isEmpty() && browser.findAll(By.id("record-session")).isEmpty();
        });
        assertThat(browser.text(By.id("matters"))).contains("Đường thôn 1 ngập khi mưa lớn");
        browser.page("session");
        browser.submit(By.id("fulfil-1"));
        assertThat(browser.text(By.id("commitments"))).as(alerts()).contains("Đã thực hiện ngày");
        browser.open("/sessions");
        browser.page("sessions");
        browser.signOut();

        assertThat(browser.takeAccessibilityViolations()).as("serious or critical accessibility violations").isEmpty();
    }

    /** A cell of the target's row on the dashboard: its value or its status. */
    private static String targetCell(int column) {
        return browser.findAll(By.cssSelector("table.targets tbody tr")).stream().filter(row -> row.getText().contains(TARGET))
                .findFirst().orElseThrow().findElements(By.tagName("td")).get(column).getText();
    }

    private static void type(String element, String value) {
        WebElement input = browser.find(By.id("v-" + element));
        input.clear();
        input.sendKeys(value);
    }

    private static String status() {
        return browser.text(By.id("report-status"));
    }

    private static String alerts() {
        return browser.findAll(By.cssSelector(".alert, .field-error")).stream().map(WebElement::getText).toList().toString();
    }
}
