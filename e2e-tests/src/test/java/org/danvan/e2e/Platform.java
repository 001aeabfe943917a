package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.danvan.testsupport.TestInfrastructure;
import org.danvan.testsupport.TestTokens;

/** The settings the end-to-end tests start the platform's processes with: the test broker, store and token issuer. */
final class Platform {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Platform() {
    }

    /** For each service: the embedded Kafka and Mongo-wire store, and trust in the test token issuer only. */
    static Map<String, String> serviceEnvironment(Map<String, String> extra) {
        TestInfrastructure.Endpoints infrastructure = TestInfrastructure.endpoints();
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("MONGODB_URI", infrastructure.mongoUri());
        environment.putAll(trustTestTokens());
        return environment;
    }

    /** For the gateway: the services behind its routes, the same token issuer, and the test Redis its rate limits share (where there is one). */
    static Map<String, String> gatewayEnvironment(String directives, String reporting, String feedback, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("DIRECTIVE_SERVICE_URL", directives);
        environment.put("REPORTING_SERVICE_URL", reporting);
        environment.put("FEEDBACK_SERVICE_URL", feedback);
        environment.putAll(sharedLimits());
        environment.putAll(trustTestTokens());
        return environment;
    }

    /** The test Redis the gateway's rate limits count in; without one the gateway runs with its limits open. */
    static Map<String, String> sharedLimits() {
        return TestInfrastructure.redis().map(redis -> Map.of("DANVAN_REDIS_URL", redis.url())).orElse(Map.of());
    }

    private static Map<String, String> trustTestTokens() {
        return Map.of("DANVAN_OIDC_ISSUER", TestTokens.ISSUER, "DANVAN_OIDC_PUBLIC_KEY_LOCATION", TestTokens.publicKeyLocation());
    }

    /**
     * Registers units with an operator's token at {@code unitsUrl}; a unit another test of this JVM registered first
     * (they share the store) is fine.
     */
    static void registerUnits(String unitsUrl, String operatorToken, List<String> units) throws IOException, InterruptedException {
        for (String unit : units) {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(unitsUrl))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + operatorToken)
                    .POST(HttpRequest.BodyPublishers.ofString(unit)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode() == 201 || created.body().contains("duplicate-unit")).as(created.body()).isTrue();
        }
    }
}
