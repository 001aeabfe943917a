package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.danvan.contracts.Topic;
import org.danvan.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment descriptors in {@code deploy/} must reference only images, ports and environment
 * variables that the services really have, pin every image, declare every topic of the registry, and run
 * the one Keycloak version with the realm export whose issuer the services are given.
 */
class DeployConfigurationTest {

    private static final Path ROOT = Path.of(System.getProperty("danvan.root", "..")).toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final List<String> SERVICES = List.of("directive-service", "reporting-service", "feedback-service", "gateway", "web");
    /** Deployments that are not ours: the development overlay's Keycloak and the gateway's Redis. */
    private static final Set<String> THIRD_PARTY_DEPLOYMENTS = Set.of("keycloak", "redis");
    /** Spring properties set through the environment by relaxed binding (no placeholder names them). */
    private static final Set<String> SPRING_PROPERTY_VARIABLES = Set.of(
            "LOGGING_STRUCTURED_FORMAT_CONSOLE",                    // logging.structured.format.console
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", // management.opentelemetry.tracing.export.otlp.endpoint
            "JAVA_TOOL_OPTIONS");                                    // read by the JVM itself

    @Test
    void composePinsEveryImageAndGuardsEveryContainer() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as("image of %s", name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
            if (!"no".equals(String.valueOf(service.get("restart")))) {
                assertThat(service).as("health check of %s", name).containsKey("healthcheck");
                assertThat(memoryLimit(service)).as("memory limit of %s", name).isNotNull();
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> conditions) {
                conditions.values().forEach(c -> assertThat(((Map<?, ?>) c).get("condition")).as("%s depends_on", name)
                        .isIn("service_healthy", "service_completed_successfully"));
            }
        });
        assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    void composeRunsOurServicesWithTheirRealPortsVariablesAndImages() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat(service.get("image")).isEqualTo("danvan/" + name + ":0.1.0");
            Map<?, ?> build = (Map<?, ?>) service.get("build");
            assertThat(ROOT.resolve("deploy/compose.yaml").getParent().resolve((String) build.get("context"))
                    .resolve((String) build.get("dockerfile")).normalize()).isRegularFile();
            assertThat(((Map<?, ?>) build.get("args")).get("SERVICE")).isEqualTo(name);
            Map<String, Object> environment = stringKeys(service.get("environment"));
            assertThat(environment.keySet()).as("variables of %s", name).allMatch(allowedVariables(name)::contains);
            int port = Integer.parseInt(String.valueOf(environment.get("SERVER_PORT")));
            assertThat(port).as("port of %s", name).isEqualTo(defaultPort(name));
            assertThat(String.valueOf(service.get("ports"))).contains(port + ":" + port);
            assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test")))
                    .contains("localhost:" + port + "/actuator/health/readiness");
        }
    }

    @Test
    void kubernetesDeploymentsUseTheRealImagesPortsProbesAndVariables() throws IOException {
        List<Map<String, Object>> documents = kubernetesDocuments(DEPLOY.resolve("k8s"));
        Map<String, String> configKeys = new HashMap<>();
        documents.stream().filter(d -> List.of("ConfigMap", "Secret").contains(d.get("kind"))).forEach(d -> {
            Object data = d.containsKey("stringData") ? d.get("stringData") : d.get("data");
            stringKeys(data).keySet().forEach(key -> configKeys.put(key, (String) ((Map<?, ?>) d.get("metadata")).get("name")));
        });
        List<Map<String, Object>> deployments = documents.stream().filter(d -> "Deployment".equals(d.get("kind"))
                && !THIRD_PARTY_DEPLOYMENTS.contains((String) path(d, "metadata", "name"))).toList();
        assertThat(deployments.stream().map(d -> (String) path(d, "metadata", "name")).toList())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Map<String, Object> deployment : deployments) {
            String name = (String) ((Map<?, ?>) deployment.get("metadata")).get("name");
            Map<?, ?> container = (Map<?, ?>) ((List<?>) path(deployment, "spec", "template", "spec", "containers")).getFirst();
            assertThat(container.get("image")).isEqualTo("danvan/" + name + ":0.1.0");
            int port = (Integer) ((Map<?, ?>) ((List<?>) container.get("ports")).getFirst()).get("containerPort");
            assertThat(port).as("port of %s", name).isEqualTo(defaultPort(name));
            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            Set<String> variables = new HashSet<>();
            for (Object env : (List<?>) container.get("env")) {
                variables.add((String) ((Map<?, ?>) env).get("name"));
            }
            if (container.get("envFrom") != null) {
                variables.addAll(configKeys.keySet());
            }
            assertThat(variables).as("variables of %s", name).allMatch(allowedVariables(name)::contains);
        }
    }

    @Test
    void keycloakRunsOneVersionEverywhereWithTheRealmTheServicesTrust() throws IOException {
        Matcher pinned = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(DEPLOY.resolve("local-platform/pom.xml")));
        assertThat(pinned.find()).as("keycloak.version of deploy/local-platform").isTrue();
        String version = pinned.group(1);
        String image = "quay.io/keycloak/keycloak:" + version;
        assertThat(Files.readString(ROOT.resolve("danvan"))).contains("KEYCLOAK_VERSION=" + version + "\n");
        String realm = JsonMapper.builder().build().readTree(DEPLOY.resolve("keycloak/danvan-realm.json").toFile()).get("realm").asString();

        Map<String, Object> keycloak = composeServices().get("keycloak");
        assertThat(keycloak.get("image")).isEqualTo(image);
        assertThat(String.valueOf(keycloak.get("command"))).contains("--import-realm");
        assertThat(String.valueOf(keycloak.get("volumes"))).contains("./keycloak/danvan-realm.json:/opt/keycloak/data/import/danvan-realm.json:ro");
        String composeIssuer = stringKeys(keycloak.get("environment")).get("KC_HOSTNAME") + "/realms/" + realm;
        // the gateway passes tokens on and checks none
        for (String name : SERVICES.stream().filter(name -> !name.equals("gateway")).toList()) {
            assertThat(stringKeys(composeServices().get(name).get("environment")).get("DANVAN_OIDC_ISSUER"))
                    .as("issuer of %s", name).isEqualTo(composeIssuer);
        }

        Map<String, Object> deployment = kubernetesDocuments(DEPLOY.resolve("k8s/overlays/dev")).stream()
                .filter(d -> "Deployment".equals(d.get("kind")) && "keycloak".equals(path(d, "metadata", "name"))).findFirst().orElseThrow();
        Map<?, ?> container = (Map<?, ?>) ((List<?>) path(deployment, "spec", "template", "spec", "containers")).getFirst();
        assertThat(container.get("image")).isEqualTo(image);
        assertThat(String.valueOf(container.get("args"))).contains("--import-realm");
        Object devHostname = ((List<?>) container.get("env")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> "KC_HOSTNAME".equals(e.get("name"))).findFirst().orElseThrow().get("value");
        assertThat(Files.readString(DEPLOY.resolve("k8s/overlays/dev/kustomization.yaml")))
                .contains("DANVAN_OIDC_ISSUER=" + devHostname + "/realms/" + realm);
        assertThat(Files.readString(DEPLOY.resolve("keycloak/kustomization.yaml"))).contains("- danvan-realm.json");
    }

    @Test
    void everyGatewayCountsItsRateLimitsInTheOneRedis() throws IOException {
        Map<String, Map<String, Object>> compose = composeServices();
        assertThat(String.valueOf(compose.get("redis").get("command"))).contains("--maxmemory, 64mb");
        assertThat(stringKeys(compose.get("gateway").get("environment")).get("DANVAN_REDIS_URL")).isEqualTo("redis://redis:6379");
        assertThat(stringKeys(compose.get("gateway").get("depends_on"))).containsKey("redis");

        List<Map<String, Object>> documents = kubernetesDocuments(DEPLOY.resolve("k8s/base"));
        Map<String, Object> redis = documents.stream()
                .filter(d -> "Deployment".equals(d.get("kind")) && "redis".equals(path(d, "metadata", "name"))).findFirst().orElseThrow();
        assertThat(path(redis, "spec", "replicas")).isEqualTo(1);
        assertThat(path(redis, "metadata", "labels", "app.kubernetes.io/component")).isEqualTo("rate-limits");
        assertThat(documents).anyMatch(d -> "Service".equals(d.get("kind")) && "redis".equals(path(d, "metadata", "name")));
        Map<String, Object> gateway = documents.stream()
                .filter(d -> "Deployment".equals(d.get("kind")) && "gateway".equals(path(d, "metadata", "name"))).findFirst().orElseThrow();
        Map<?, ?> container = (Map<?, ?>) ((List<?>) path(gateway, "spec", "template", "spec", "containers")).getFirst();
        assertThat((List<?>) container.get("env")).anyMatch(e -> "DANVAN_REDIS_URL".equals(((Map<?, ?>) e).get("name"))
                && "redis://redis:6379".equals(((Map<?, ?>) e).get("value")));
        // production's three replicas are for the services and the gateway: three Redis would each count a part
        assertThat(Files.readString(DEPLOY.resolve("k8s/overlays/prod/kustomization.yaml")))
                .contains("labelSelector: app.kubernetes.io/component!=rate-limits");
        assertThat(Files.readString(ROOT.resolve("danvan"))).contains("--maxmemory 64mb");
    }

    @Test
    void productionDeclaresEveryTopicOfTheRegistryWithItsLayout() throws IOException {
        List<Map<String, Object>> topics = kubernetesDocuments(DEPLOY.resolve("k8s/overlays/prod")).stream()
                .filter(d -> "KafkaTopic".equals(d.get("kind"))).toList();
        Map<String, Map<String, Object>> byName = topics.stream().collect(Collectors.toMap(
                t -> (String) path(t, "spec", "topicName"), t -> t));
        assertThat(byName.keySet()).isEqualTo(Topics.all().stream().map(Topic::name).collect(Collectors.toSet()));
        for (Topic topic : Topics.all()) {
            Map<String, Object> declared = byName.get(topic.name());
            assertThat(path(declared, "spec", "partitions")).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(path(declared, "spec", "config", "cleanup.policy")).as(topic.name())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            assertThat(((Number) path(declared, "spec", "config", "retention.ms")).longValue()).as(topic.name())
                    .isEqualTo(topic.retentionMs());
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPort() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/prometheus.yml")));
        Map<?, ?> job = (Map<?, ?>) ((List<?>) config.get("scrape_configs")).getFirst();
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) ((Map<?, ?>) ((List<?>) job.get("static_configs")).getFirst()).get("targets");
        // the web application exports no metrics yet
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().filter(name -> !name.equals("web")).map(name -> name + ":" + defaultPort(name)).toList());
    }

    /** The variables a service reads: the {@code ${...}} placeholders of its configuration, plus Spring's own. */
    private static Set<String> allowedVariables(String service) {
        Set<String> variables = new HashSet<>(SPRING_PROPERTY_VARIABLES);
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        List<Path> sources = new ArrayList<>(List.of(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
        if (!service.equals("gateway") && !service.equals("web")) {
            sources.add(ROOT.resolve("service-support/src/main/resources/danvan-service-defaults.properties"));
        }
        for (Path source : sources) {
            try {
                Matcher matcher = placeholder.matcher(Files.readString(source));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return variables;
    }

    /** The port a service listens on by default: the {@code SERVER_PORT} default of its application.yml. */
    private static int defaultPort(String service) {
        try {
            Matcher matcher = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}")
                    .matcher(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
            assertThat(matcher.find()).as("SERVER_PORT default of %s", service).isTrue();
            return Integer.parseInt(matcher.group(1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = new HashMap<>();
        ((Map<?, ?>) compose.get("services")).forEach((k, v) -> services.put((String) k, stringKeys(v)));
        return services;
    }

    private static Object memoryLimit(Map<String, Object> service) {
        Object deploy = service.get("deploy");
        return deploy == null ? null : path(stringKeys(deploy), "resources", "limits", "memory");
    }

    private static List<Map<String, Object>> kubernetesDocuments(Path folder) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add(stringKeys(document));
                    }
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Object map) {
        return map == null ? Map.of() : (Map<String, Object>) map;
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
