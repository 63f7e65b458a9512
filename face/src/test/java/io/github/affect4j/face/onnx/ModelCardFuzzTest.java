package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.affect4j.InvalidModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target of the face {@link ModelCard} reader: any bytes either make a card whose values
 * hold up, or fail with the documented {@link InvalidModelException}. Corpus under
 * {@code src/test/resources/io/github/affect4j/face/onnx/ModelCardFuzzTestInputs/readCard/}.
 */
class ModelCardFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readCard(byte[] data) throws IOException {
        ModelCard card;
        try {
            card = ModelCard.read(new ByteArrayInputStream(data), "fuzzed card");
        } catch (InvalidModelException expected) {
            assertTrue(expected.getMessage().startsWith("fuzzed card: "), expected::getMessage);
            return;
        }
        assertTrue(card.width() > 0 && card.height() > 0, card::toString);
        assertTrue(card.labels().size() >= 2, card::toString);
        assertFalse(card.toString().isEmpty());
    }
}
