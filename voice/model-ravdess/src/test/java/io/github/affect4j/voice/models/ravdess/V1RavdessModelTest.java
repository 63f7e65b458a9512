package io.github.affect4j.voice.models.ravdess;

import static io.github.affect4j.voice.fixtures.PinnedScores.assertScores;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.voice.fixtures.TestClips;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The previously bundled RAVDESS model (feature set {@code affect4j-voice-features/1}, SHA-256
 * {@code c27f5be2...}; kept as a test fixture under {@code v1/}) still loads now that the library
 * extracts feature set 2, and scores as it did when it was the bundled model: summary and every
 * segment of the LibriVox sample and one synthetic clip, pinned from a run at commit 0561a91.
 * A change to the definition of a v1 feature, or to how a card's features are found in the
 * extracted vector, fails here.
 */
class V1RavdessModelTest {

    @TempDir
    Path dir;

    static final double[][] SPEECH = {
        {0.9542039198771325, 0.010555578962346858, 3.963496399985406E-4, 0.017512433853426115, 0.004511900420767092, 0.008510238767366512, 0.004309578478962201, 0.0},
        {0.9542039198771325, 0.010555578962346858, 3.963496399985406E-4, 0.017512433853426115, 0.004511900420767092, 0.008510238767366512, 0.004309578478962201, 0.0},
    };

    static final double[][] SYNTHETIC = {
        {0.9508718239140519, 1.9891296452398695E-4, 4.210368646306772E-6, 0.003031853539495728, 0.027372926289279766, 0.018509683402782504, 1.058952121991932E-5, 0.0},
        {0.9508718239140519, 1.9891296452398695E-4, 4.210368646306772E-6, 0.003031853539495728, 0.027372926289279766, 0.018509683402782504, 1.058952121991932E-5, 0.0},
    };

    @Test
    void theVersionOneModelScoresAsItDidUnderVersionOneExtraction() throws IOException {
        Path model = dir.resolve("ravdess-v1.onnx");
        copy("ravdess-v1.onnx", model);
        copy("ravdess-v1.card.properties", dir.resolve("ravdess-v1.card.properties"));
        assertTrue(Files.readString(dir.resolve("ravdess-v1.card.properties"))
                .contains("featureSet=affect4j-voice-features/1"));
        try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder()
                .option("model", model.toString()).build()) {
            VoiceAnalysis speech = detector.analyze(TestClips.speech());
            VoiceAnalysis synthetic = detector.analyze(
                    TestClips.synthetic("03-01-05-01-01-01-02.wav"));
            assertScores(SPEECH, speech, "speech");
            assertScores(SYNTHETIC, synthetic, "synthetic");
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = V1RavdessModelTest.class.getResourceAsStream("v1/" + resource)) {
            assertNotNull(in, resource);
            Files.copy(in, target);
        }
    }
}
