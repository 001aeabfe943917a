package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm export of {@code deploy/keycloak} in a real Keycloak: every demo user and the publisher client get
 * tokens with the roles and unit the services read, and feedback-service accepts them from that issuer,
 * scoping each user to their unit's subtree.
 */
class KeycloakLoginIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DANVAN_ROLES = Set.of("citizen", "cadre", "reviewer", "confidential-handler", "operator", "publisher");

    private static KeycloakProcess keycloak;
    private static ServiceProcess directives;
    private static ServiceProcess feedback;

    @BeforeAll
    static void startKeycloakAndTheServices() throws IOException, InterruptedException {
        TestInfrastructure.Endpoints infrastructure = TestInfrastructure.endpoints();
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri());
        keycloak = new KeycloakProcess().start();
        Map<String, String> serviceEnv = new LinkedHashMap<>(env);
        serviceEnv.put("DANVAN_OIDC_ISSUER", keycloak.issuer());
        directives = new ServiceProcess("directive-service", serviceEnv).start();
        feedback = new ServiceProcess("feedback-service", serviceEnv).start();
        // all start at once; the service fetches the issuer's keys only when it checks its first token
        directives.awaitHealthy();
        feedback.awaitHealthy();
        keycloak.awaitReady();
        registerTheDemoUsersUnits();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {feedback, directives}) {
            if (service != null) {
                service.stop();
            }
        }
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            tinh.canbo | cadre reviewer       | LD
            xa.canbo   | cadre                | DT-X1
            xa.baomat  | confidential-handler | DT-X1
            thon.canbo | cadre                | DT-X1-T1
            congdan    | citizen              | -
            vanhanh    | operator             | -
            """)
    void eachDemoUserLogsInWithTheirRolesAndUnit(String username, String roles, String unitId) throws Exception {
        HttpResponse<String> response = passwordGrant(username, "demo-" + username);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asString());
        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuer());
        assertThat(danvanRoles(claims)).isEqualTo(new TreeSet<>(Set.of(roles.split(" "))));
        if (unitId == null) {
            assertThat(claims.has("unit_id")).as("unit_id of %s", username).isFalse();
        } else {
            assertThat(claims.get("unit_id").asString()).isEqualTo(unitId);
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = passwordGrant("xa.canbo", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_grant");
    }

    @Test
    void thePublisherClientGetsAServiceTokenWithThePublisherRoleOnly() throws Exception {
        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", "danvan-publisher", "client_secret", "dev-only-publisher-secret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asString());
        assertThat(danvanRoles(claims)).containsExactly("publisher");
        assertThat(claims.has("unit_id")).isFalse();
    }

    @Test
    void theWebClientCannotUseClientCredentials() throws Exception {
        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", "danvan-web"));

        assertThat(response.statusCode()).isIn(400, 401);
    }

    @Test
    void feedbackServiceWantsATokenFromThisIssuerAndReadsItsRoles() throws Exception {
        HttpResponse<String> anonymous = cases(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> cadre = cases(accessToken("xa.canbo"));
        assertThat(cadre.statusCode()).as(cadre.body()).isEqualTo(200);
        assertThat(cadre.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");

        // a citizen's token is valid, but listing cases is for the units' staff
        HttpResponse<String> citizen = cases(accessToken("congdan"));
        assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(403);
    }

    @Test
    void eachUserSeesTheCasesOfTheirUnitsSubtreeOnly() throws Exception {
        String file = """
                {"kind":"RECOMMENDATION","subject":"Đường liên thôn xuống cấp","content":"Đề nghị sửa đường liên thôn.",
                 "areaUnitId":"DT-X1","citizen":{"name":"Phạm Văn Bình"}}
                """;
        // feedback-service knows the commune once it has consumed the unit's event
        HttpResponse<String> filed = await("case filed").atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(feedback.url() + "/api/v1/cases")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(file)).build(), HttpResponse.BodyHandlers.ofString()),
                response -> response.statusCode() == 201);
        String id = JSON.readTree(filed.body()).get("id").asString();

        assertThat(cases(accessToken("xa.canbo")).body()).as("the commune's cadre").contains(id);
        assertThat(cases(accessToken("xa.baomat")).body()).as("the commune's confidential handler").contains(id);
        assertThat(cases(accessToken("tinh.canbo")).body()).as("the province above it").contains(id);
        HttpResponse<String> village = cases(accessToken("thon.canbo"));
        assertThat(village.statusCode()).isEqualTo(200);
        assertThat(village.body()).as("a village below it").doesNotContain(id);
    }

    /**
     * The province, commune and village of the demo users (communes answer to their province since July
     * 2025), registered by the demo operator with a real token.
     */
    private static void registerTheDemoUsersUnits() throws IOException, InterruptedException {
        String operator = accessToken("vanhanh");
        Platform.registerUnits(directives.url() + "/api/v1/units", operator, List.of(
                "{\"code\":\"LD\",\"name\":\"Tỉnh ủy Lâm Đồng\",\"kind\":\"PARTY_COMMITTEE\",\"level\":\"PROVINCE\",\"openedOn\":\"1976-01-01\"}",
                "{\"code\":\"DT-X1\",\"name\":\"Đảng ủy xã Liên Nghĩa\",\"kind\":\"PARTY_COMMITTEE\",\"level\":\"COMMUNE\",\"openedOn\":\"1986-01-01\",\"parentId\":\"LD\"}",
                "{\"code\":\"DT-X1-T1\",\"name\":\"Chi bộ thôn 1\",\"kind\":\"VILLAGE_BRANCH\",\"level\":\"VILLAGE\",\"openedOn\":\"1986-01-01\",\"parentId\":\"DT-X1\"}"));
    }

    private static HttpResponse<String> cases(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feedback.url() + "/api/v1/cases"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = passwordGrant(username, "demo-" + username);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> passwordGrant(String username, String password) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "danvan-web");
        form.put("username", username);
        form.put("password", password);
        return tokenRequest(form);
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token's payload; its signature is what feedback-service checks, in the last test. */
    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** danvan's roles among the token's realm roles (Keycloak may add its own default roles). */
    private static Set<String> danvanRoles(JsonNode claims) {
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
        roles.retainAll(DANVAN_ROLES);
        return roles;
    }
}
