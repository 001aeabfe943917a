package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the browser tests, one per
 * test JVM: it signs in on the real Keycloak login page, saves every page it is asked to at 1280 and 360 px under
 * {@code target/screenshots/} and checks each with axe-core, collecting serious and critical violations.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] WIDTHS = {1280, 360};

    private final ChromeDriver driver;
    private final List<String> accessibilityViolations = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * The JVM's browser, started by the first test class that asks; without Chromium the class is skipped,
     * except in CI where it must run.
     */
    static Browser of(ExtensionContext context) {
        requireChromium(context.getRequiredTestClass());
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Browser.class, type -> new Browser(chromium()), Browser.class);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(WebPlatform.WEB + path);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Clicks a submit button and waits until the browser has left the page. */
    void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(left(page));
    }

    /**
     * Selenium's {@code stalenessOf}, except that Chromium, asked about the old page while the new one replaces it,
     * may answer "node does not belong to the document" instead of "stale element": that means not yet, ask again.
     */
    private static ExpectedCondition<Boolean> left(WebElement page) {
        ExpectedCondition<Boolean> stale = ExpectedConditions.stalenessOf(page);
        return browser -> {
            try {
                return stale.apply(browser);
            } catch (WebDriverException replacing) {
                if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw replacing;
            }
        };
    }

    /** On the Keycloak login page the web application sent the browser to: signs in as a demo user. */
    void signIn(String username) throws IOException {
        await("the Keycloak login page").atMost(Duration.ofSeconds(20)).until(() -> !driver.findElements(By.id("username")).isEmpty());
        screenshots("keycloak-login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo-" + username);
        submit(By.id("kc-login"));
        await("signed in").atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().startsWith(WebPlatform.WEB + "/"));
    }

    /** Opens a staff page and signs in as {@code username}. */
    void signInAt(String path, String username) throws IOException {
        open(path);
        signIn(username);
    }

    /** Signs out here and at Keycloak: staff pages then ask for the Keycloak login again. */
    void signOut() {
        submit(By.cssSelector("header form button"));
        await("back from Keycloak's sign-out").atMost(Duration.ofSeconds(20))
                .until(() -> driver.getCurrentUrl().startsWith(WebPlatform.WEB + "/"));
        driver.get(WebPlatform.WEB + "/cases");
        assertThat(driver.findElements(By.id("username"))).as("the Keycloak session ended with the sign-out").isNotEmpty();
    }

    /** Saves the page at both widths and checks each with axe-core. */
    void page(String name) throws IOException {
        for (int width : screenshots(name)) {
            resize(width);
            accessibilityViolations.addAll(axe(name + " at " + width + " px"));
        }
        resize(1280);
    }

    /** The serious and critical violations found since the last call, which forgets them. */
    List<String> takeAccessibilityViolations() {
        List<String> found = List.copyOf(accessibilityViolations);
        accessibilityViolations.clear();
        return found;
    }

    @Override
    public void close() {
        driver.quit();
    }

    @SuppressWarnings("unchecked")
    private int[] screenshots(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : WIDTHS) {
            resize(width);
            // the whole page, beyond the window's height
            Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                            "width", ((Number) content.get("width")).doubleValue(), "height", ((Number) content.get("height")).doubleValue())));
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        }
        resize(1280);
        return WIDTHS;
    }

    private void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    /** The serious and critical violations axe-core finds on the current page, one line each. */
    private List<String> axe(String where) {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)));");
        List<String> found = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(result)) {
            String impact = violation.path("impact").asString();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                found.add(where + ": " + impact + " " + violation.path("id").asString() + " — " + violation.path("help").asString() + " " + targets);
            }
        }
        return found;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the axe-core WebJar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeDriver chromium() {
        try {
            Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
            ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build(), options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireChromium(Class<?> testClass) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = testClass.getSimpleName() + " needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; .ci/run installs them)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing);
        }
        // Maven's report counts a class skipped before its first test as 0 tests run: say why in the log
        LoggerFactory.getLogger(testClass).warn("{} — skipped", missing);
        Assumptions.abort(missing + " — skipped");
    }
}
