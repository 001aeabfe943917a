package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform the browser tests drive, started once per test JVM and stopped after its last test: the three
 * services, the gateway, the real Keycloak and the web application on the port the realm's {@code danvan-web}
 * redirect URIs name, with the demo unit tree registered. Every browser test class shares it (and its store), so
 * each test registers what else it needs and tolerates what another test registered first.
 */
final class WebPlatform implements AutoCloseable {

    /** The port the realm's {@code danvan-web} redirect URIs name. */
    static final int WEB_PORT = 3000;
    static final String WEB = "http://localhost:" + WEB_PORT;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ServiceProcess> processes = new ArrayList<>();
    private KeycloakProcess keycloak;
    private String gateway;

    /** The JVM's platform, started by the first test class that asks. */
    static WebPlatform of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(WebPlatform.class, type -> new WebPlatform().start(), WebPlatform.class);
    }

    private WebPlatform start() {
        try {
            requireFreeWebPort();
            TestInfrastructure.Endpoints infrastructure = TestInfrastructure.endpoints();
            keycloak = new KeycloakProcess().start();
            Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                    "MONGODB_URI", infrastructure.mongoUri(), "DANVAN_OIDC_ISSUER", keycloak.issuer());
            ServiceProcess directives = started(new ServiceProcess("directive-service", env));
            ServiceProcess reporting = started(new ServiceProcess("reporting-service", env));
            ServiceProcess feedback = started(new ServiceProcess("feedback-service", env));
            directives.awaitHealthy();
            reporting.awaitHealthy();
            feedback.awaitHealthy();
            Map<String, String> gatewayEnv = new HashMap<>(Map.of("DANVAN_OIDC_ISSUER", keycloak.issuer(),
                    "DIRECTIVE_SERVICE_URL", directives.url(), "FEEDBACK_SERVICE_URL", feedback.url(),
                    "REPORTING_SERVICE_URL", reporting.url()));
            gatewayEnv.putAll(Platform.sharedLimits());
            gateway = started(new ServiceProcess("gateway", gatewayEnv),
                    // every citizen's call comes from the web application's address, and the page benchmark signs in
                    // one cadre whose pages make thousands of calls a minute
                    "--danvan.gateway.anonymous-per-minute=100000", "--danvan.gateway.client-per-minute=1000000").awaitHealthy().url();
            keycloak.awaitReady();
            // the web application reads the issuer's discovery document as it starts
            started(new ServiceProcess("web", WEB_PORT, Map.of("DANVAN_OIDC_ISSUER", keycloak.issuer(),
                    "DANVAN_GATEWAY_URL", gateway))).awaitHealthy();
            registerDemoTree();
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("the demo tree was not registered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while registering the demo tree", e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("the platform for the browser tests did not start", e);
        }
    }

    /** The gateway's base URL, for set-up through the API. */
    String gateway() {
        return gateway;
    }

    /** A token of a demo user (password {@code demo-<username>}) from the real Keycloak, as the web client. */
    String accessToken(String username) throws IOException, InterruptedException {
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

    /**
     * The demo tree every browser test works in, registered once as the platform starts (as the demo operator; a unit
     * already there, from an earlier run on the same store, is fine): the province LD and its communes DT-X1 and
     * DT-X2, the units of the realm's demo users.
     */
    private void registerDemoTree() throws IOException, InterruptedException {
        Platform.registerUnits(gateway + "/api/v1/units", accessToken("vanhanh"), List.of(
                unit("LD", "Tỉnh ủy Lâm Đồng", "PROVINCE", "1976-01-01", null),
                unit("DT-X1", "Đảng ủy xã Liên Nghĩa", "COMMUNE", "1986-01-01", "LD"),
                unit("DT-X2", "Đảng ủy xã Hiệp Thạnh", "COMMUNE", "1986-01-01", "LD")));
    }

    private static String unit(String code, String name, String level, String openedOn, String parentId) {
        Map<String, String> unit = new LinkedHashMap<>(Map.of("code", code, "name", name, "kind", "PARTY_COMMITTEE",
                "level", level, "openedOn", openedOn));
        if (parentId != null) {
            unit.put("parentId", parentId);
        }
        return JSON.writeValueAsString(unit);
    }

    @Override
    public void close() {
        try {
            for (ServiceProcess process : processes.reversed()) {
                process.stop();
            }
            if (keycloak != null) {
                keycloak.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServiceProcess started(ServiceProcess process, String... arguments) {
        processes.add(process);
        return process.start(arguments);
    }

    private static void requireFreeWebPort() {
        try (ServerSocket socket = new ServerSocket(WEB_PORT)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + WEB_PORT + " is taken (./danvan up running?): the realm's danvan-web "
                    + "redirect URIs name it, so the browser tests must run the web application there", e);
        }
    }
}
