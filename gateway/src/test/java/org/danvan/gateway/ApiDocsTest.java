package org.danvan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mergesPathsAndSchemasOfEveryServiceAndNamesTheOnesThatDidNotAnswer() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("directive-service", JSON.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/directives":{"get":{"operationId":"search"},"post":{"operationId":"create"}}},
                 "components":{"schemas":{"DirectiveView":{"type":"object"},"ProblemDetail":{"type":"object"}}}}"""));
        docs.put("feedback-service", JSON.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/cases":{"post":{"operationId":"file"}}},
                 "components":{"schemas":{"CaseView":{"type":"object"},"ProblemDetail":{"type":"object"}}}}"""));
        docs.put("reporting-service", JSON.nullNode());

        JsonNode merged = ApiDocs.merge(docs);

        assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/directives", "/api/v1/cases");
        assertThat(merged.path("paths").path("/api/v1/cases").path("post").path("x-danvan-service").asString()).isEqualTo("feedback-service");
        assertThat(merged.path("components").path("schemas").propertyNames()).containsExactlyInAnyOrder("DirectiveView", "CaseView", "ProblemDetail");
        assertThat(merged.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(merged.path("x-danvan-unavailable").get(0).asString()).isEqualTo("reporting-service");
    }
}
