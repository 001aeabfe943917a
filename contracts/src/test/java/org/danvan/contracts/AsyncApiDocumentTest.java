package org.danvan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document, the topic registry and the schema folder must describe the same contract. */
class AsyncApiDocumentTest {

    private static JsonNode asyncApi;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            asyncApi = YAMLMapper.builder().build().readTree(in);
        }
    }

    @Test
    void isAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asString()).startsWith("3.");
    }

    @Test
    void everyRegisteredTopicIsAChannelAndEveryChannelIsRegistered() {
        Set<String> addresses = channels().stream().map(c -> c.path("address").asString()).collect(Collectors.toSet());
        Set<String> registered = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
        assertThat(addresses).isEqualTo(registered);
    }

    @Test
    void everyEventTypeOfATopicIsAMessageOfItsChannelWithItsSchema() {
        for (Topic topic : Topics.all()) {
            JsonNode channel = channels().stream()
                    .filter(c -> c.path("address").asString().equals(topic.name())).findFirst().orElseThrow();
            List<String> messageNames = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : channel.path("messages").properties()) {
                JsonNode message = resolve(entry.getValue().path("$ref").asString());
                messageNames.add(message.path("name").asString());
                if (topic.carries(message.path("name").asString())) {
                    assertThat(message.path("payload").path("schema").path("$ref").asString())
                            .isEqualTo("./" + EventTypes.schemaResource(message.path("name").asString()));
                }
            }
            assertThat(messageNames).as("messages of %s", topic.name()).containsAll(topic.eventTypes());
        }
    }

    @Test
    void everySchemaFileBelongsToARegisteredEventType() throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource("schemas");
        Set<String> registered = Topics.all().stream().flatMap(t -> t.eventTypes().stream()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            Set<String> schemaTypes = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());
            assertThat(schemaTypes).isEqualTo(registered);
        }
        registered.forEach(type -> assertThat(EventSchemas.isKnown(type)).as(type).isTrue());
    }

    private static List<JsonNode> channels() {
        List<JsonNode> channels = new ArrayList<>();
        asyncApi.path("channels").values().forEach(channels::add);
        return channels;
    }

    private static JsonNode resolve(String ref) {
        JsonNode node = asyncApi;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
