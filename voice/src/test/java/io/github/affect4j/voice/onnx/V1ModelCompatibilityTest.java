package io.github.affect4j.voice.onnx;

import static io.github.affect4j.voice.fixtures.PinnedScores.assertScores;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.voice.features.FeatureSet;
import io.github.affect4j.voice.fixtures.TestClips;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed fixture model's card names feature set {@value FeatureSet#V1}; this library now
 * computes a later version that keeps every v1 feature with its definition. The model must still
 * load and give, to float rounding, the scores it gave when v1 was the extracted set: pinned here
 * from a run of the v1 extractor (commit 0561a91), segment by segment and for the summary.
 */
class V1ModelCompatibilityTest {

    /** Scores (EmotionScores.toArray) of the summary and each segment of the LibriVox sample. */
    static final double[][] SPEECH = {
        {1.81980400121896E-19, 1.400259628201686E-5, 0.0, 0.003995936681950367, 0.9959900607217677, 0.0, 0.0, 0.0},
        {1.81980400121896E-19, 1.400259628201686E-5, 0.0, 0.003995936681950367, 0.9959900607217677, 0.0, 0.0, 0.0},
    };

    /** The same for the synthetic clip 03-01-05-01-01-01-02.wav (anger, speaker 02). */
    static final double[][] SYNTHETIC = {
        {2.0003190923604344E-5, 5.241543355081558E-7, 0.0, 2.3742681176950584E-4, 0.9997420458429713, 0.0, 0.0, 0.0},
        {2.0003190923604344E-5, 5.241543355081558E-7, 0.0, 2.3742681176950584E-4, 0.9997420458429713, 0.0, 0.0, 0.0},
    };

    @Test
    void fixtureModelWithAV1CardLoadsAndScoresAsItDidUnderV1Extraction() throws Exception {
        String card = Files.readString(FixtureModels.syntheticModel().resolveSibling(
                "synthetic.card.properties"));
        assertTrue(card.contains("featureSet=" + FeatureSet.V1), "the fixture is a v1 card");
        try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder()
                .option("model", FixtureModels.syntheticModel().toString()).build()) {
            VoiceAnalysis speech = detector.analyze(TestClips.speech());
            VoiceAnalysis synthetic = detector.analyze(
                    TestClips.synthetic("03-01-05-01-01-01-02.wav"));
            assertScores(SPEECH, speech, "speech");
            assertScores(SYNTHETIC, synthetic, "synthetic");
        }
    }
}
