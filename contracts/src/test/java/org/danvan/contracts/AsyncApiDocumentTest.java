package org.danvan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI documents (one per service, {@code asyncapi/<service>.yaml}), the topic registry and the
 * schema folder must describe the same contract.
 */
class AsyncApiDocumentTest {

    /** AsyncAPI document by the service it describes. */
    private static final Map<String, JsonNode> documents = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path folder = Path.of(AsyncApiDocumentTest.class.getClassLoader().getResource("asyncapi").toURI());
        YAMLMapper yaml = YAMLMapper.builder().build();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                documents.put(file.getFileName().toString().replaceFirst("\\.yaml$", ""), yaml.readTree(file.toFile()));
            }
        }
    }

    @Test
    void everyDocumentIsAsyncApi3() {
        assertThat(documents).isNotEmpty();
        documents.forEach((service, doc) -> assertThat(doc.path("asyncapi").asString()).as(service).startsWith("3."));
    }

    @Test
    void everyRegisteredTopicIsAChannelAndEveryChannelIsRegistered() {
        Set<String> addresses = documents.values().stream().flatMap(doc -> channels(doc).stream())
                .map(c -> c.path("address").asString()).collect(Collectors.toSet());
        assertThat(addresses).isEqualTo(Topics.all().stream().map(Topic::name).collect(Collectors.toSet()));
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicsChannelWithItsSchemaInTheWritersDocument() {
        for (Topic topic : Topics.all()) {
            JsonNode doc = documents.getOrDefault(topic.writer(), null);
            List<JsonNode> candidates = doc != null ? List.of(doc) : List.copyOf(documents.values());
            List<String> messageNames = new ArrayList<>();
            for (JsonNode candidate : candidates) {
                for (JsonNode channel : channels(candidate)) {
                    if (!channel.path("address").asString().equals(topic.name())) {
                        continue;
                    }
                    for (JsonNode ref : channel.path("messages").values()) {
                        JsonNode message = resolve(candidate, ref.path("$ref").asString());
                        String name = message.path("name").asString();
                        messageNames.add(name);
                        if (topic.carries(name)) {
                            assertThat(message.path("payload").path("schema").path("$ref").asString())
                                    .as("schema of %s", name).isEqualTo("../" + EventTypes.schemaResource(name));
                        }
                    }
                }
            }
            assertThat(messageNames).as("messages of %s", topic.name()).containsAll(topic.eventTypes());
        }
    }

    @Test
    void servicesOnlySendToTopicsTheyWrite() {
        documents.forEach((service, doc) -> doc.path("operations").values().forEach(operation -> {
            if (operation.path("action").asString().equals("send")) {
                String address = resolve(doc, operation.path("channel").path("$ref").asString()).path("address").asString();
                assertThat(Topics.named(address)).as(address).get().extracting(Topic::writer).isEqualTo(service);
            }
        }));
    }

    @Test
    void everySchemaFileBelongsToARegisteredEventType() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource("schemas").toURI());
        Set<String> registered = Topics.all().stream().flatMap(t -> t.eventTypes().stream()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> schemaTypes = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());
            assertThat(schemaTypes).isEqualTo(registered);
        }
        registered.forEach(type -> assertThat(EventSchemas.isKnown(type)).as(type).isTrue());
    }

    private static List<JsonNode> channels(JsonNode doc) {
        List<JsonNode> channels = new ArrayList<>();
        doc.path("channels").values().forEach(channels::add);
        return channels;
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
