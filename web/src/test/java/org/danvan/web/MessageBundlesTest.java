package org.danvan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every text of the pages exists in Vietnamese and in English, each key once: the bundles merge as a union
 * (.gitattributes), so two branches adding the same key would otherwise leave two lines, the later one silently
 * winning.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
        List<String> vietnamese = keys("messages.properties");
        List<String> english = keys("messages_en.properties");

        assertThat(duplicates(vietnamese)).as("keys twice in messages.properties").isEmpty();
        assertThat(duplicates(english)).as("keys twice in messages_en.properties").isEmpty();
        assertThat(new HashSet<>(english)).isEqualTo(new HashSet<>(vietnamese));
    }

    private static List<String> keys(String bundle) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                keys.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
            }
        }
        return keys;
    }

    private static Collection<String> duplicates(List<String> keys) {
        Set<String> seen = new HashSet<>();
        return keys.stream().filter(key -> !seen.add(key)).toList();
    }
}
