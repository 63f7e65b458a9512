package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.ModelCardReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets of the voice model cards, through both entry points: the reader behind
 * {@code read(Path)} (documented failure: {@link InvalidModelException}) and
 * {@code fromProperties} (documented failure: {@link IllegalArgumentException}). A card that is
 * accepted must hold up: as many imputation values as features, labels for a categorical model.
 * Corpus under {@code src/test/resources/io/github/affect4j/voice/onnx/VoiceCardFuzzTestInputs/}.
 */
class VoiceCardFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readFeatureCard(byte[] data) throws IOException {
        VoiceModelCard card = null;
        try {
            card = ModelCardReader.read(new ByteArrayInputStream(data), "fuzzed card")
                    .parse(VoiceModelCard::from);
        } catch (InvalidModelException expected) {
            assertTrue(expected.getMessage().startsWith("fuzzed card: "), expected::getMessage);
        }
        VoiceModelCard viaProperties = fromProperties(data, VoiceModelCard::fromProperties);
        assertEquals(card, viaProperties);
        if (card != null) {
            assertEquals(card.features().size(), card.impute().size(), card::toString);
            assertTrue(card.labels().size() >= 2, card::toString);
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readWaveformCard(byte[] data) throws IOException {
        WaveformModelCard card = null;
        try {
            card = ModelCardReader.read(new ByteArrayInputStream(data), "fuzzed card")
                    .parse(WaveformModelCard::from);
        } catch (InvalidModelException expected) {
            assertTrue(expected.getMessage().startsWith("fuzzed card: "), expected::getMessage);
        }
        WaveformModelCard viaProperties = fromProperties(data, WaveformModelCard::fromProperties);
        assertEquals(card, viaProperties);
        if (card != null) {
            assertTrue(card.outputSize() >= 1, card::toString);
            if (card.outputKind() != WaveformModelCard.OutputKind.DIMENSIONAL) {
                assertEquals(card.labels().size(), card.emotions().size(), card::toString);
            }
        }
    }

    /** The card from properties loaded as the reader loads them, or null when refused. */
    private static <T> T fromProperties(byte[] data,
                                        java.util.function.Function<Properties, T> read)
            throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
        try {
            return read.apply(properties);
        } catch (IllegalArgumentException expected) {
            return null;
        }
    }
}
