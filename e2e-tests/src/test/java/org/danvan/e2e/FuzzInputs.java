package org.danvan.e2e;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile requests for every operation of an OpenAPI document, all deterministic: broken and mistyped bodies,
 * oversized strings and lists, out-of-range numbers, unknown enum values, bad dates, odd path ids and
 * content types the API does not take. Each body starts from a valid sample of the operation's schema.
 */
final class FuzzInputs {

    /** One request: which operation, which hostile input, and the request itself (the path already encoded). */
    record Probe(String operation, String input, String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static final int OVERSIZED_ITEMS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();
    private static final String PLAIN_ID = "fuzz-1";
    private static final List<String> ODD_IDS = List.of("%00", "%25", "..%2F..%2Factuator", "%C3%28", "%FF", "a".repeat(3_000));
    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");

    /** How every leaf of a body is filled; {@code OVERSIZED_LIST} grows only the list counted by {@code target}. */
    private enum Leaves { VALID, WRONG_TYPE, OVERSIZED_STRINGS, OVERSIZED_LIST, NEGATIVE, OVERFLOW, UNKNOWN_ENUM, BAD_DATE }

    private final JsonNode document;

    FuzzInputs(JsonNode document) {
        this.document = document;
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getValue().isObject() && operation.getValue().has("responses")) {
                probes.addAll(probes(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        }));
        return probes;
    }

    private List<Probe> probes(String method, String template, JsonNode operation) {
        String name = method + " " + template;
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        String path = withIds(template, PLAIN_ID) + query(parameters, null, null);
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        byte[] valid = bodySchema.isMissingNode() ? null : bytes(sample(bodySchema, Leaves.VALID, null, 0));
        Map<String, String> headers = valid == null ? Map.of() : JSON_BODY;
        List<Probe> probes = new ArrayList<>();
        for (String odd : template.contains("{") ? ODD_IDS : List.<String>of()) {
            probes.add(new Probe(name, "path id " + abbreviate(odd), method,
                    withIds(template, odd) + query(parameters, null, null), headers, valid));
        }
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asString();
            if (in.equals("query")) {
                for (String value : hostileValues(schema(parameter.path("schema")))) {
                    probes.add(new Probe(name, "query " + parameter.path("name").asString() + "=" + abbreviate(value), method,
                            withIds(template, PLAIN_ID) + query(parameters, parameter, value), headers, valid));
                }
            } else if (in.equals("header")) {
                Map<String, String> odd = new LinkedHashMap<>(headers);
                odd.put(parameter.path("name").asString(), "W/\"\u00e9\"");
                probes.add(new Probe(name, "header " + parameter.path("name").asString(), method, path, odd, valid));
            }
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            probes.add(new Probe(name, "multipart body", method, path,
                    Map.of("Content-Type", "multipart/form-data; boundary=fuzz"), multipart()));
            probes.add(new Probe(name, "text/plain body", method, path, Map.of("Content-Type", "text/plain"),
                    "hello".getBytes(StandardCharsets.UTF_8)));
        }
        if (valid != null) {
            probes.add(new Probe(name, "valid sample body", method, path, JSON_BODY, valid));
            probes.add(new Probe(name, "malformed JSON", method, path, JSON_BODY, "{\"a\":".getBytes(StandardCharsets.UTF_8)));
            probes.add(new Probe(name, "array instead of object", method, path, JSON_BODY, "[]".getBytes(StandardCharsets.UTF_8)));
            probes.add(new Probe(name, "empty object", method, path, JSON_BODY, "{}".getBytes(StandardCharsets.UTF_8)));
            for (Leaves leaves : List.of(Leaves.WRONG_TYPE, Leaves.OVERSIZED_STRINGS, Leaves.NEGATIVE, Leaves.OVERFLOW,
                    Leaves.UNKNOWN_ENUM, Leaves.BAD_DATE)) {
                probes.add(new Probe(name, leaves.name().toLowerCase().replace('_', ' '), method, path, JSON_BODY,
                        bytes(sample(bodySchema, leaves, null, 0))));
            }
            for (int list = 0; ; list++) {
                AtomicInteger counter = new AtomicInteger(list);
                JsonNode body = sample(bodySchema, Leaves.OVERSIZED_LIST, counter, 0);
                if (counter.get() >= 0) {
                    break;
                }
                probes.add(new Probe(name, "list #" + list + " with " + OVERSIZED_ITEMS + " items", method, path, JSON_BODY, bytes(body)));
            }
        }
        return probes;
    }

    /**
     * A body for the schema with its leaves filled as {@code leaves} says. For {@code OVERSIZED_LIST} the
     * counter counts down the lists met; the one reached at zero gets {@link #OVERSIZED_ITEMS} items.
     */
    private JsonNode sample(JsonNode reference, Leaves leaves, AtomicInteger listCounter, int depth) {
        JsonNode schema = schema(reference);
        String type = type(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (type.equals("object")) {
            ObjectNode object = NODES.objectNode();
            schema.path("properties").properties().forEach(p -> object.set(p.getKey(), sample(p.getValue(), leaves, listCounter, depth + 1)));
            if (schema.path("additionalProperties").isObject()) {
                boolean grow = leaves == Leaves.OVERSIZED_LIST && listCounter.getAndDecrement() == 0;
                for (int i = 0; i < (grow ? OVERSIZED_ITEMS : 1); i++) {
                    object.set("FUZZ_" + i, sample(schema.path("additionalProperties"), grow ? Leaves.VALID : leaves, listCounter, depth + 1));
                }
            }
            return object;
        }
        if (type.equals("array")) {
            if (leaves == Leaves.WRONG_TYPE) {
                return NODES.stringNode("not-a-list");
            }
            ArrayNode array = NODES.arrayNode();
            boolean grow = leaves == Leaves.OVERSIZED_LIST && listCounter.getAndDecrement() == 0;
            JsonNode item = sample(schema.path("items"), grow ? Leaves.VALID : leaves, listCounter, depth + 1);
            for (int i = 0; i < (grow ? OVERSIZED_ITEMS : 1); i++) {
                array.add(item);
            }
            return array;
        }
        return leaf(schema, type, leaves);
    }

    private static JsonNode leaf(JsonNode schema, String type, Leaves leaves) {
        String format = schema.path("format").asString("");
        boolean enumerated = schema.has("enum");
        return switch (leaves) {
            case WRONG_TYPE -> type.equals("string") ? NODES.objectNode().put("unexpected", true) : NODES.stringNode("abc");
            case NEGATIVE -> type.equals("integer") || type.equals("number") ? NODES.numberNode(-1) : valid(schema, type, format);
            case OVERFLOW -> type.equals("integer") ? NODES.numberNode(new BigDecimal("99999999999999999999999"))
                    : type.equals("number") ? NODES.numberNode(new BigDecimal("1e1000000000")) : valid(schema, type, format);
            case UNKNOWN_ENUM -> enumerated ? NODES.stringNode("NOT_A_VALUE") : valid(schema, type, format);
            case BAD_DATE -> format.equals("date") ? NODES.stringNode("2025-13-45")
                    : format.equals("date-time") ? NODES.stringNode("yesterday") : valid(schema, type, format);
            case OVERSIZED_STRINGS -> type.equals("string") && !enumerated && format.isEmpty()
                    ? NODES.stringNode("x".repeat(30_000)) : valid(schema, type, format);
            default -> valid(schema, type, format);
        };
    }

    private static JsonNode valid(JsonNode schema, String type, String format) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new BigDecimal("1.5"));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(switch (format) {
                case "date" -> "2025-01-15";
                case "date-time" -> "2025-01-15T08:00:00Z";
                default -> "fuzz";
            });
        };
    }

    /** For a query parameter: a value of the wrong type, a negative and an empty one, an unknown enum value, a bad date. */
    private static List<String> hostileValues(JsonNode schema) {
        String type = type(schema);
        List<String> values = new ArrayList<>(List.of("", "%00", "-1"));
        switch (type) {
            case "integer", "number", "boolean" -> values.addAll(List.of("abc", "99999999999999999999999"));
            case "array", "object" -> values.add("%5B%7B");
            default -> {
                if (schema.has("enum")) {
                    values.add("NOT_A_VALUE");
                }
                if (!schema.path("format").asString("").isEmpty()) {
                    values.addAll(List.of("2025-13-45", "yesterday"));
                }
                values.add("x".repeat(2_000));
            }
        }
        return values;
    }

    /** The query with every required parameter set validly, and {@code hostile} set to {@code value}. */
    private String query(List<JsonNode> parameters, JsonNode hostile, String value) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            String given = parameter == hostile ? value
                    : parameter.path("required").asBoolean() ? valid(schema(parameter.path("schema")),
                            type(schema(parameter.path("schema"))), parameter.path("schema").path("format").asString("")).asString()
                    : null;
            if (given != null) {
                query.append(query.isEmpty() ? '?' : '&').append(parameter.path("name").asString()).append('=').append(given);
            }
        }
        return query.toString();
    }

    private JsonNode schema(JsonNode schema) {
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combined).isArray() && !schema.path(combined).isEmpty()) {
                return schema(schema.path(combined).get(0));
            }
        }
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/")
                ? schema(document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())))
                : schema;
    }

    /** The schema's type; OpenAPI 3.1 may list several, such as {@code ["string", "null"]}. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
        }
        return type.isString() ? type.asString() : schema.has("properties") ? "object" : "string";
    }

    private static String withIds(String template, String id) {
        return template.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(id));
    }

    private static byte[] multipart() {
        return ("--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n"
                + "{}\r\n--fuzz--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode body) {
        return JSON.writeValueAsBytes(body);
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
    }
}
