package io.github.affect4j.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.affect4j.InvalidModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target of the model-card reader: any bytes are read, and every typed getter is asked for
 * every field present. The only failure allowed is {@link InvalidModelException} (the reader's
 * and {@link ModelCardReader#parse}'s documented error, which wraps the getters'
 * {@link IllegalArgumentException}s). Corpus under
 * {@code src/test/resources/io/github/affect4j/onnx/ModelCardReaderFuzzTestInputs/readCard/}.
 */
class ModelCardReaderFuzzTest {

    enum Choice { SPEAKER_MEAN, NONE }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readCard(byte[] data) throws IOException {
        ModelCardReader card;
        try {
            card = ModelCardReader.read(new ByteArrayInputStream(data), "fuzzed card");
        } catch (InvalidModelException expected) {
            return;
        }
        for (String key : card.keys()) {
            tryParse(card, r -> r.required(key));
            tryParse(card, r -> r.integer(key));
            tryParse(card, r -> r.number(key, 0));
            tryParse(card, r -> {
                List<Double> numbers = r.numbers(key);
                numbers.forEach(v -> assertTrue(Double.isFinite(v), key + " gave " + v));
                return numbers;
            });
            tryParse(card, r -> r.list(key));
            tryParse(card, r -> r.optionalList(key));
            tryParse(card, r -> r.enumValue(Choice.class, key));
            tryParse(card, r -> r.emotionLabels(key));
            tryParse(card, r -> r.withPrefix(key));
        }
        tryParse(card, r -> {
            r.requireOnlyKnown(Set.of("name"));
            return null;
        });
        assertTrue(card.toString().contains("fuzzed card"));
    }

    private static void tryParse(ModelCardReader card,
                                 java.util.function.Function<ModelCardReader, ?> build) {
        try {
            card.parse(build);
        } catch (InvalidModelException expected) {
            assertTrue(expected.getMessage().startsWith("fuzzed card: "), expected::getMessage);
        }
    }
}
