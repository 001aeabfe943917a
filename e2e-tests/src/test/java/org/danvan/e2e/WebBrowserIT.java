package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web application in real Chromium against the platform run as processes, signing in on the real
 * Keycloak login page: a citizen files a case (choosing its area by a place name typed without diacritics),
 * the commune cadre finds it first in the queue (with no step to take: feedback-service lets reviewers decide),
 * the province's reviewer accepts it and, as it cannot be resolved yet, explains it with a dated roadmap; the
 * citizen tracks it and sees the new status. Every page is saved at 1280 and 360 px under
 * {@code target/screenshots/} and checked with axe-core (serious and critical violations fail the test).
 */
@ExtendWith(BrowserTests.class)
class WebBrowserIT {

    /** The business clock's zone: the services judge a roadmap's dates on Vietnam's calendar. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static Browser browser;

    /** Asking for the platform starts it, with the demo tree its pages work in. */
    @BeforeAll
    static void setUp(WebPlatform platform, Browser browser) {
        WebBrowserIT.browser = browser;
        browser.takeAccessibilityViolations();
    }

    @Test
    void aCitizenFilesTheCommuneCadreFindsItFirstAReviewerAcceptsItAndTheCitizenTracksIt() throws IOException {
        browser.open("/");
        browser.page("home");
        browser.find(By.cssSelector("main a[href='/citizen/file']")).click();
        browser.page("file");
        browser.find(By.id("kind-RECOMMENDATION")).click();
        browser.find(By.id("subject")).sendKeys("Đường liên thôn xuống cấp");
        browser.find(By.id("content")).sendKeys("Đoạn đường từ thôn 1 đến trường tiểu học có nhiều ổ gà.");
        // the area by its place name, typed without diacritics
        browser.find(By.id("unitQuery")).sendKeys("lien nghia");
        browser.find(By.name("search")).click();
        await("the places found").atMost(Duration.ofSeconds(20)).until(() -> !browser.findAll(By.id("place-DT-X1")).isEmpty());
        browser.find(By.id("place-DT-X1")).click();
        browser.find(By.id("citizen.name")).sendKeys("Phạm Văn Bình");
        // feedback-service knows the commune once it has consumed the unit's event: until then the page shows
        // the problem beside the area field and keeps what was typed, so the citizen simply sends again
        await("the receipt").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.submit(By.id("file-submit"));
            return !browser.findAll(By.id("tracking-code")).isEmpty();
        });
        browser.page("receipt");
        String code = browser.find(By.id("tracking-code")).getText();
        String secret = browser.find(By.id("tracking-secret")).getText();

        browser.open("/cases");
        browser.signIn("xa.canbo");
        browser.page("queue");
        // the queue runs by deadline (other tests of this JVM file cases in the same commune, due the same day)
        List<WebElement> rows = browser.findAll(By.cssSelector("table.cases tbody tr"));
        List<LocalDate> deadlines = rows.stream()
                .map(row -> LocalDate.parse(row.findElement(By.tagName("td")).getText(), DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .toList();
        assertThat(deadlines).as("the commune's queue, soonest deadline first").isSorted();
        WebElement mine = rows.stream().filter(row -> row.getText().contains(code)).findFirst().orElseThrow();
        assertThat(deadlines.get(rows.indexOf(mine))).as("a new case is due no later than any other in the queue")
                .isEqualTo(deadlines.getFirst());
        mine.findElement(By.tagName("a")).click();
        browser.page("case-cadre");
        String caseUrl = browser.driver().getCurrentUrl();
        assertThat(status()).isEqualTo("Đã tiếp nhận");
        assertThat(browser.text(By.id("case-area"))).as("the commune by its name, read through the gateway").contains("Đảng ủy xã Liên Nghĩa");
        // feedback-service lets reviewers decide on a case (accept, refuse, assign...), cadres work it once accepted
        assertThat(steps()).as("a cadre's steps on a received case").isEmpty();
        browser.open("/unit");
        browser.page("my-unit");
        browser.signOut();

        browser.open("/cases");
        browser.signIn("tinh.canbo");
        browser.driver().get(caseUrl);
        browser.page("case");
        assertThat(steps()).as("the steps the API allows a reviewer on a received case")
                .containsExactly("Thụ lý", "Không thụ lý", "Giao xử lý", "Gộp vào vụ việc khác");
        browser.find(By.cssSelector("#step-accept summary")).click();
        browser.submit(By.id("do-accept"));
        assertThat(status()).as(browser.findAll(By.cssSelector(".alert")).stream().map(WebElement::getText).toList().toString())
                .isEqualTo("Đã thụ lý");
        browser.page("case-accepted");

        // not resolvable yet: an explanation with a two-step roadmap, the second row added without any script
        browser.find(By.cssSelector("#step-explain summary")).click();
        browser.find(By.id("explain-explanation")).sendKeys("Cần bố trí kinh phí sửa đường trong năm tới.");
        browser.find(By.id("roadmap0-description")).sendKeys("Khảo sát hiện trạng đoạn đường");
        date(By.id("roadmap0-dueOn"), LocalDate.now(VIETNAM).plusDays(30));
        browser.submit(By.id("roadmap-add-row"));
        browser.find(By.id("roadmap1-description")).sendKeys("Sửa các ổ gà");
        date(By.id("roadmap1-dueOn"), LocalDate.now(VIETNAM).plusDays(120));
        browser.page("case-explaining");
        browser.submit(By.id("do-explain"));
        assertThat(status()).as(browser.findAll(By.cssSelector(".alert, .field-error")).stream().map(WebElement::getText).toList().toString())
                .isEqualTo("Đã giải thích, có lộ trình");
        assertThat(browser.findAll(By.cssSelector("ol.roadmap > li"))).hasSize(2);
        browser.page("case-explained");
        // the language switch keeps the page, both ways
        switchLanguage(caseUrl + "?lang=en");
        assertThat(browser.find(By.id("switch-language")).getText()).isEqualTo("Tiếng Việt");
        switchLanguage(caseUrl + "?lang=vi");
        browser.signOut();

        browser.open("/track");
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("secret")).sendKeys(secret);
        browser.submit(By.id("track-submit"));
        assertThat(browser.find(By.id("tracked-status")).getText()).isEqualTo("Đã giải thích, có lộ trình");
        browser.page("track");
        browser.open("/petitions");
        browser.page("petitions");
        browser.open("/?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("citizens speak up");
        browser.page("home-en");

        assertThat(browser.takeAccessibilityViolations()).as("serious or critical accessibility violations").isEmpty();
    }

    private static void switchLanguage(String expectedUrl) {
        browser.find(By.id("switch-language")).click();
        await("the same page in the other language").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getCurrentUrl().equals(expectedUrl));
    }

    /** A date input takes its ISO value whatever the browser's locale shows. */
    private static void date(By input, LocalDate value) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(input), value.toString());
    }

    private static String status() {
        return browser.text(By.id("case-status"));
    }

    private static List<String> steps() {
        return browser.findAll(By.cssSelector(".steps summary")).stream().map(WebElement::getText).toList();
    }
}
