package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.VoiceAffect;
import org.junit.jupiter.api.Test;

/** A categorical model's affect takes valence and arousal from the circumplex mean. */
class FeatureClassifierTest {

    @Test
    void affectOfACategoryIsItsCircumplexPositionValenceFirst() {
        // Sadness sits at valence -0.7, arousal -0.4: a swapped pair gives -0.4 and -0.7.
        EmotionScores sad = EmotionScores.certain(Emotion.SADNESS);
        VoiceAffect affect = FeatureClassifier.affect(sad);
        assertSame(sad, affect.scores());
        assertEquals(-0.7, affect.valence(), 1e-12);
        assertEquals(-0.4, affect.arousal(), 1e-12);

        VoiceAffect happy = FeatureClassifier.affect(EmotionScores.certain(Emotion.HAPPINESS));
        assertEquals(0.8, happy.valence(), 1e-12);
        assertEquals(0.5, happy.arousal(), 1e-12);
    }
}
