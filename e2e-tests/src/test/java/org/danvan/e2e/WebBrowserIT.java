package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web application in real Chromium against the platform run as processes, signing in on the real
 * Keycloak login page: a citizen files a case, the commune cadre finds it first in the queue (with no step
 * to take: feedback-service lets reviewers decide), the province's reviewer accepts it, the citizen tracks
 * it and sees the new status. Every page is saved at 1280 and 360 px under
 * {@code target/screenshots/} and checked with axe-core (serious and critical violations fail the test).
 */
class WebBrowserIT {

    /** The port the realm's {@code danvan-web} redirect URIs name. */
    private static final int WEB_PORT = 3000;
    private static final String WEB = "http://localhost:" + WEB_PORT;
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KeycloakProcess keycloak;
    private static final List<ServiceProcess> PROCESSES = new ArrayList<>();
    private static ChromeDriver browser;
    private static Path profile;
    private final List<String> accessibilityViolations = new ArrayList<>();

    @BeforeAll
    static void startThePlatformAndABrowser() throws IOException, InterruptedException {
        requireChromium();
        requireFreeWebPort();
        TestInfrastructure.Endpoints infrastructure = TestInfrastructure.endpoints();
        keycloak = new KeycloakProcess().start();
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(), "DANVAN_OIDC_ISSUER", keycloak.issuer());
        ServiceProcess directives = started(new ServiceProcess("directive-service", env));
        ServiceProcess feedback = started(new ServiceProcess("feedback-service", env));
        directives.awaitHealthy();
        feedback.awaitHealthy();
        Map<String, String> gatewayEnv = new HashMap<>(Map.of("DANVAN_OIDC_ISSUER", keycloak.issuer(),
                "DIRECTIVE_SERVICE_URL", directives.url(), "FEEDBACK_SERVICE_URL", feedback.url(),
                "REPORTING_SERVICE_URL", "http://127.0.0.1:" + ServiceProcess.freePort()));
        gatewayEnv.putAll(Platform.sharedLimits());
        ServiceProcess gateway = started(new ServiceProcess("gateway", gatewayEnv),
                // every citizen's call comes from the web application's address
                "--danvan.gateway.anonymous-per-minute=100000").awaitHealthy();
        keycloak.awaitReady();
        // the web application reads the issuer's discovery document as it starts
        started(new ServiceProcess("web", WEB_PORT, Map.of("DANVAN_OIDC_ISSUER", keycloak.issuer(),
                "DANVAN_GATEWAY_URL", gateway.url()))).awaitHealthy();
        registerUnits(gateway.url());
        browser = chromium();
    }

    @AfterAll
    static void stop() throws InterruptedException, IOException {
        if (browser != null) {
            browser.quit();
        }
        for (ServiceProcess process : PROCESSES.reversed()) {
            process.stop();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @Test
    void aCitizenFilesTheCommuneCadreFindsItFirstAReviewerAcceptsItAndTheCitizenTracksIt() throws IOException {
        browser.get(WEB + "/");
        page("home");
        browser.findElement(By.cssSelector("main a[href='/citizen/file']")).click();
        page("file");
        browser.findElement(By.id("kind-RECOMMENDATION")).click();
        browser.findElement(By.id("subject")).sendKeys("Đường liên thôn xuống cấp");
        browser.findElement(By.id("content")).sendKeys("Đoạn đường từ thôn 1 đến trường tiểu học có nhiều ổ gà.");
        browser.findElement(By.id("areaUnitId")).sendKeys("DT-X1");
        browser.findElement(By.id("citizen.name")).sendKeys("Phạm Văn Bình");
        // feedback-service knows the commune once it has consumed the unit's event: until then the page shows
        // the problem beside the area field and keeps what was typed, so the citizen simply sends again
        await("the receipt").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            submit(By.id("file-submit"));
            return !browser.findElements(By.id("tracking-code")).isEmpty();
        });
        page("receipt");
        String code = browser.findElement(By.id("tracking-code")).getText();
        String secret = browser.findElement(By.id("tracking-secret")).getText();

        browser.get(WEB + "/cases");
        signIn("xa.canbo");
        page("queue");
        // the queue runs by deadline (other tests of this JVM file cases in the same commune, due the same day)
        List<WebElement> rows = browser.findElements(By.cssSelector("table.cases tbody tr"));
        List<LocalDate> deadlines = rows.stream()
                .map(row -> LocalDate.parse(row.findElement(By.tagName("td")).getText(), DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .toList();
        assertThat(deadlines).as("the commune's queue, soonest deadline first").isSorted();
        WebElement mine = rows.stream().filter(row -> row.getText().contains(code)).findFirst().orElseThrow();
        assertThat(deadlines.get(rows.indexOf(mine))).as("a new case is due no later than any other in the queue")
                .isEqualTo(deadlines.getFirst());
        mine.findElement(By.tagName("a")).click();
        page("case-cadre");
        String caseUrl = browser.getCurrentUrl();
        assertThat(status()).isEqualTo("Đã tiếp nhận");
        // feedback-service lets reviewers decide on a case (accept, refuse, assign...), cadres work it once accepted
        assertThat(steps()).as("a cadre's steps on a received case").isEmpty();
        browser.get(WEB + "/unit");
        page("my-unit");
        signOut();

        browser.get(WEB + "/cases");
        signIn("tinh.canbo");
        browser.get(caseUrl);
        page("case");
        assertThat(steps()).as("the steps the API allows a reviewer on a received case")
                .containsExactly("Thụ lý", "Không thụ lý", "Giao xử lý", "Gộp vào vụ việc khác");
        browser.findElement(By.cssSelector("#step-accept summary")).click();
        submit(By.id("do-accept"));
        assertThat(status()).as(browser.findElements(By.cssSelector(".alert")).stream().map(WebElement::getText).toList().toString())
                .isEqualTo("Đã thụ lý");
        page("case-accepted");
        signOut();

        browser.get(WEB + "/track");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("secret")).sendKeys(secret);
        submit(By.id("track-submit"));
        assertThat(browser.findElement(By.id("tracked-status")).getText()).isEqualTo("Đã thụ lý");
        page("track");
        browser.get(WEB + "/petitions");
        page("petitions");
        browser.get(WEB + "/?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("citizens speak up");
        page("home-en");

        assertThat(accessibilityViolations).as("serious or critical accessibility violations").isEmpty();
    }

    private static String status() {
        return browser.findElement(By.id("case-status")).getText();
    }

    private static List<String> steps() {
        return browser.findElements(By.cssSelector(".steps summary")).stream().map(WebElement::getText).toList();
    }

    /** Signs out here and at Keycloak: staff pages then ask for the Keycloak login again. */
    private static void signOut() {
        submit(By.cssSelector("header form button"));
        await("back from Keycloak's sign-out").atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(WEB + "/"));
        browser.get(WEB + "/cases");
        assertThat(browser.findElements(By.id("username"))).as("the Keycloak session ended with the sign-out").isNotEmpty();
    }

    /** Clicks a submit button and waits until the browser has left the page. */
    private static void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    private static void signIn(String username) throws IOException {
        await("the Keycloak login page").atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("username")).isEmpty());
        screenshots("keycloak-login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo-" + username);
        submit(By.id("kc-login"));
        await("signed in").atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(WEB + "/"));
    }

    /** Saves the page at both widths and checks each with axe-core. */
    private void page(String name) throws IOException {
        for (int width : screenshots(name)) {
            resize(width);
            accessibilityViolations.addAll(axe(name + " at " + width + " px"));
        }
        resize(1280);
    }

    @SuppressWarnings("unchecked")
    private static int[] screenshots(String name) throws IOException {
        int[] widths = {1280, 360};
        Files.createDirectories(SCREENSHOTS);
        for (int width : widths) {
            resize(width);
            // the whole page, beyond the window's height
            Map<String, Object> content = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                            "width", ((Number) content.get("width")).doubleValue(), "height", ((Number) content.get("height")).doubleValue())));
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        }
        resize(1280);
        return widths;
    }

    private static void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
    }

    /** The serious and critical violations axe-core finds on the current page, one line each. */
    private static List<String> axe(String where) {
        JavascriptExecutor js = browser;
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
        try (InputStream in = WebBrowserIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the axe-core WebJar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeDriver chromium() throws IOException {
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Without Debian's chromium and chromium-driver the test is skipped, except in CI where it must run. */
    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "WebBrowserIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; .ci/run installs them)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing);
        }
        // Maven's report counts a class skipped before its first test as 0 tests run: say why in the log
        LoggerFactory.getLogger(WebBrowserIT.class).warn("{} — skipped", missing);
        Assumptions.abort(missing + " — skipped");
    }

    private static void requireFreeWebPort() {
        try (ServerSocket socket = new ServerSocket(WEB_PORT)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + WEB_PORT + " is taken (./danvan up running?): the realm's danvan-web "
                    + "redirect URIs name it, so WebBrowserIT must run the web application there", e);
        }
    }

    private static ServiceProcess started(ServiceProcess process, String... arguments) {
        PROCESSES.add(process);
        return process.start(arguments);
    }

    /**
     * The province and the commune of the cadre, registered by the demo operator through the gateway; another test
     * of this JVM (KeycloakLoginIT) may have registered them already, on the same store.
     */
    private static void registerUnits(String gateway) throws IOException, InterruptedException {
        String operator = accessToken("vanhanh");
        Platform.registerUnits(gateway + "/api/v1/units", operator, List.of(
                "{\"code\":\"LD\",\"name\":\"Tỉnh ủy Lâm Đồng\",\"kind\":\"PARTY_COMMITTEE\",\"level\":\"PROVINCE\",\"openedOn\":\"1976-01-01\"}",
                "{\"code\":\"DT-X1\",\"name\":\"Đảng ủy xã Liên Nghĩa\",\"kind\":\"PARTY_COMMITTEE\",\"level\":\"COMMUNE\",\"openedOn\":\"1986-01-01\",\"parentId\":\"LD\"}"));
    }

    private static String accessToken(String username) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "danvan-web",
                "username", username, "password", "demo-" + username));
        String body = String.join("&", form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
