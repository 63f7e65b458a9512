package io.github.affect4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metadata IDEs complete {@code affect4j.*} from, as the configuration processor wrote it
 * into the jar: every property with its description and default, and the provider hints; and
 * the registrations Spring Boot finds the starter by.
 */
class ConfigurationMetadataTest {

    private static final Pattern PROPERTY = Pattern.compile(
            "\\{\\s*\"name\": \"(affect4j\\.[a-z.-]+)\",\\s*\"type\": \"[^\"]+\",\\s*"
                    + "\"description\": \"([^\"]+)\"");

    @Test
    void everyPropertyIsDescribed() throws IOException {
        String json = read("META-INF/spring-configuration-metadata.json");
        List<String> described = new ArrayList<>();
        Matcher matcher = PROPERTY.matcher(json);
        while (matcher.find()) {
            described.add(matcher.group(1));
            assertThat(matcher.group(2)).as(matcher.group(1)).hasSizeGreaterThan(20);
        }
        List<String> expected = new ArrayList<>();
        for (String kind : List.of("face", "voice")) {
            for (String name : List.of("enabled", "option", "provider", "required")) {
                expected.add("affect4j." + kind + "." + name);
            }
        }
        assertThat(described).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(json).contains("\"defaultValue\": true").contains("\"defaultValue\": false");
        // The hints of the additional metadata were merged in.
        assertThat(json).contains("\"name\": \"affect4j.face.provider\",\n      \"values\"")
                .contains("\"value\": \"heuristic\"");
    }

    @Test
    void theAutoConfigurationIsRegistered() throws IOException {
        assertThat(read("META-INF/spring/"
                + "org.springframework.boot.autoconfigure.AutoConfiguration.imports").trim())
                .isEqualTo(Affect4jAutoConfiguration.class.getName());
    }

    @Test
    void theFailureAnalyzerIsRegistered() throws IOException {
        assertThat(read("META-INF/spring.factories"))
                .contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\n"
                        + InvalidOptionFailureAnalyzer.class.getName());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader()
                .getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
