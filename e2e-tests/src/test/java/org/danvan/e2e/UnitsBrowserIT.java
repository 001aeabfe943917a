package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The operator's unit pages in real Chromium: a CSV with a row error is checked and every row at fault listed
 * with nothing imported; the fixed file is imported as a job of directive-service whose page follows it to done,
 * rows done of total on its bar, and reads the same job again after a reload;
 * the tree is browsed today and as it stood before the units were opened.
 */
@ExtendWith(BrowserTests.class)
class UnitsBrowserIT {

    private static Browser browser;
    /** The units of this run: the platform's store is shared by every browser test of the JVM. */
    private static final String RUN = "U" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeAll
    static void setUp(WebPlatform platform, Browser browser) {
        UnitsBrowserIT.browser = browser;
        browser.takeAccessibilityViolations();
    }

    @Test
    void anOperatorImportsUnitsWithARowErrorFixesTheFileImportsWithProgressAndBrowsesTheTree() throws IOException {
        // Vietnamese, whatever another test of this JVM left the shared browser's language cookie at
        browser.open("/?lang=vi");
        browser.signInAt("/units/import", "vanhanh");
        browser.page("units-import");

        browser.find(By.id("file")).sendKeys(csv("units-with-error.csv", RUN + "-ZZ").toAbsolutePath().toString());
        browser.submit(By.id("check-submit"));
        List<WebElement> rows = browser.findAll(By.cssSelector("table.row-errors tbody tr"));
        assertThat(rows).as("the dry run's rows at fault").hasSize(1);
        assertThat(rows.getFirst().getText()).contains("3").contains(RUN + "-X2").contains(RUN + "-ZZ");
        assertThat(browser.findAll(By.id("import-submit"))).as("a file with a row at fault cannot be imported").isEmpty();
        browser.page("units-dry-run-errors");

        browser.find(By.id("file")).sendKeys(csv("units.csv", RUN + "-P").toAbsolutePath().toString());
        browser.submit(By.id("check-submit"));
        assertThat(browser.text(By.id("dry-run"))).contains("Cả 3 dòng đều hợp lệ");
        browser.page("units-dry-run-valid");
        browser.submit(By.id("import-submit"));
        String job = browser.driver().getCurrentUrl();
        assertThat(job).contains("/units/import/");
        assertThat(liveRead("document.getElementById('import-bar').getAttribute('max')")).isEqualTo("3");
        // reloaded while it runs (or just after), the page reads the same job from the API
        browser.driver().navigate().refresh();
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(job);
        assertThat(liveRead("document.getElementById('import-progress').innerText")).contains(RUN + "-units.csv: 3 dòng");
        assertThat(Integer.parseInt(liveRead("document.getElementById('import-bar').getAttribute('value')"))).isBetween(0, 3);
        await("the import done").atMost(Duration.ofSeconds(60)).until(() -> !browser.findAll(By.id("import-done")).isEmpty());
        browser.driver().navigate().refresh();
        assertThat(browser.text(By.id("import-done"))).as("the job's page after a reload").contains("Đã nhập 3 đơn vị");
        assertThat(browser.find(By.id("import-bar")).getDomAttribute("value")).as("rows done").isEqualTo("3");
        assertThat(browser.find(By.id("import-bar")).getDomAttribute("max")).as("rows total").isEqualTo("3");
        assertThat(browser.text(By.id("import-status"))).contains("Đã nhập xong").contains("Đã xong 3 trong 3 dòng.");
        browser.page("units-imported");

        browser.open("/units?q=" + RUN);
        browser.page("units-search");
        browser.find(By.linkText("Tỉnh thử " + RUN)).click();
        assertThat(browser.text(By.id("unit-code"))).isEqualTo(RUN + "-P");
        assertThat(browser.findAll(By.cssSelector("ul.tree li a")).stream().map(WebElement::getText).toList())
                .containsExactly("Xã Hai " + RUN, "Xã Một " + RUN);
        browser.page("units-unit");
        // the tree as it stood before the communes were opened
        browser.find(By.id("asOf")).clear();
        browser.find(By.id("asOf")).sendKeys("01/01/1980");
        browser.submit(By.cssSelector("form.pickers button"));
        assertThat(browser.findAll(By.cssSelector("ul.tree li"))).as("no commune yet in 1980").isEmpty();
        browser.signOut();

        assertThat(browser.takeAccessibilityViolations()).as("serious or critical accessibility violations").isEmpty();
    }

    /** Read in one script call: htmx may replace the progress while it runs, between a find and a read. */
    private static String liveRead(String expression) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("return " + expression));
    }

    /** The three units of this run; the second commune's parent is {@code secondParent}. */
    private static Path csv(String name, String secondParent) throws IOException {
        Path file = Path.of("target", RUN + "-" + name);
        Files.writeString(file, """
                ma,ten,loai,cap,ma cap tren,ngay thanh lap
                %1$s-P,Tỉnh thử %1$s,PARTY_COMMITTEE,PROVINCE,,01/01/1976
                %1$s-X1,Xã Một %1$s,PARTY_COMMITTEE,COMMUNE,%1$s-P,01/01/1986
                %1$s-X2,Xã Hai %1$s,PARTY_COMMITTEE,COMMUNE,%2$s,01/01/1986
                """.formatted(RUN, secondParent));
        return file;
    }
}
