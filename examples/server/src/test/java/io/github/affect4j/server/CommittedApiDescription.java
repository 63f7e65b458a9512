package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The API description committed at {@value #COMMITTED}, from which the build generates the test
 * client. It must equal what the server serves (apart from {@code servers}, which names the
 * random test port), so an API change without a new description fails here; the message says
 * how to update it.
 */
final class CommittedApiDescription {

    static final String COMMITTED = "src/test/resources/openapi/affect4j-server.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CommittedApiDescription() {
    }

    static void assertMatches(String served) throws IOException {
        JsonNode live = normalised(JSON.readTree(served));
        Path committed = Path.of(COMMITTED);
        Path fresh = Path.of("target", "openapi-served.json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, JSON.writeValueAsString(JSON.treeToValue(live, Object.class))
                + "\n");
        assertThat(Files.exists(committed) ? normalised(JSON.readTree(committed.toFile())) : null)
                .as("the API changed: review and copy examples/server/" + fresh + " to "
                        + "examples/server/" + COMMITTED + " (the generated test client is built "
                        + "from it)")
                .isEqualTo(live);
    }

    private static JsonNode normalised(JsonNode description) {
        ((ObjectNode) description).remove("servers");
        return description;
    }
}
