package org.danvan.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI 3.1 document for the whole platform ({@code /v3/api-docs/danvan}, shown by Swagger UI at
 * {@code /swagger-ui.html}): the documents of the services behind the gateway's routes, fetched when asked
 * and merged — paths, schemas and tags — with the bearer-token scheme the gateway enforces. A service that
 * does not answer is listed under {@code x-danvan-unavailable} instead of failing the whole document.
 */
@RestController
class ApiDocs {

    private static final Logger log = LoggerFactory.getLogger(ApiDocs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RouteLocator routes;
    private final WebClient http = WebClient.create();

    ApiDocs(RouteLocator routes) {
        this.routes = routes;
    }

    @GetMapping(value = "/v3/api-docs/danvan", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> merged() {
        return routes.getRoutes()
                .filter(route -> route.getUri().getScheme().startsWith("http"))
                .flatMap(route -> fetch(route).map(doc -> Map.entry(route.getId(), doc))
                        .defaultIfEmpty(Map.entry(route.getId(), JSON.nullNode())))
                .collectList()
                .map(documents -> {
                    Map<String, JsonNode> byService = new TreeMap<>();
                    documents.forEach(e -> byService.put(e.getKey(), e.getValue()));
                    return JSON.writeValueAsString(merge(byService));
                });
    }

    private Mono<JsonNode> fetch(Route route) {
        return http.get().uri(route.getUri().resolve("/v3/api-docs")).retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(5))
                .map(JSON::readTree)
                .onErrorResume(e -> {
                    log.warn("API document of {} not available: {}", route.getId(), e.toString());
                    return Mono.empty();
                });
    }

    static ObjectNode merge(Map<String, JsonNode> byService) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "danvan API");
        info.put("version", "v1");
        info.put("description", "Every endpoint of the platform, through its one front door. Errors are RFC 9457 "
                + "problem+json in Vietnamese or English (Accept-Language). Citizens file and track cases and sign "
                + "petitions without an account; everything else needs a bearer token from the platform's sign-in.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        ((ObjectNode) merged.get("components")).putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = merged.putArray("tags");
        ArrayNode unavailable = JSON.createArrayNode();
        byService.forEach((service, doc) -> {
            if (doc == null || doc.isNull()) {
                unavailable.add(service);
                return;
            }
            tags.addObject().put("name", service);
            doc.path("paths").properties().forEach(path -> {
                JsonNode operations = path.getValue().deepCopy();
                operations.properties().forEach(operation -> {
                    if (operation.getValue() instanceof ObjectNode op) {
                        op.put("x-danvan-service", service);
                    }
                });
                paths.set(path.getKey(), operations);
            });
            doc.path("components").path("schemas").properties().forEach(schema -> {
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            });
        });
        if (!unavailable.isEmpty()) {
            merged.set("x-danvan-unavailable", unavailable);
        }
        return merged;
    }
}
