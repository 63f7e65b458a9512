package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests that run the command line in-process: captures its output and reads its JSON. */
abstract class CapturedConsole {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /**
     * Each non-blank line printed, parsed as one JSON object and flattened: nested objects by
     * dotted names, arrays of values as lists, and for an array of objects its size as
     * {@code NAME.count} and its first object under {@code NAME.0}.
     */
    List<Map<String, Object>> jsonLines() throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        JsonFactory factory = new JsonFactory();
        for (String text : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            try (JsonParser parser = factory.createParser(text)) {
                flatten(parser, parser.nextToken(), "", fields);
                assertNull(parser.nextToken(), "trailing content: " + text);
            }
            lines.add(fields);
        }
        return lines;
    }

    private static void flatten(JsonParser parser, JsonToken token, String path,
                                Map<String, Object> fields) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                flatten(parser, parser.nextToken(), path.isEmpty() ? name : path + "." + name,
                        fields);
            }
            return;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> values = new ArrayList<>();
            int objects = 0;
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY;
                 item = parser.nextToken()) {
                if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
                    if (objects++ == 0) {
                        flatten(parser, item, path + ".0", fields);
                    } else {
                        parser.skipChildren();
                    }
                } else {
                    values.add(value(parser, item));
                }
            }
            if (objects > 0) {
                fields.put(path + ".count", objects);
            } else {
                fields.put(path, values);
            }
            return;
        }
        fields.put(path, value(parser, token));
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.getText();
        };
    }
}
