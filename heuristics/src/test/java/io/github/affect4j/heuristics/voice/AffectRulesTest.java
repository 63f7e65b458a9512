package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.Prosody;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.VoiceAffect;
import org.junit.jupiter.api.Test;

/** The rules on hand-made cue vectors. */
class AffectRulesTest {

    private static final AffectRules RULES = new AffectRules(0.6);

    /** Cues of calm, neutral read speech: every cue at its population reference. */
    private static double[] neutralCues() {
        double[] cues = new double[SpeechMeasurement.CUE_COUNT];
        cues[SpeechMeasurement.PITCH] = 12 * Math.log(1.4) / Math.log(2);
        cues[SpeechMeasurement.RANGE] = 5;
        cues[SpeechMeasurement.RATE] = 3.6;
        cues[SpeechMeasurement.LOUDNESS_RANGE] = 22;
        cues[SpeechMeasurement.CENTROID] = 1080;
        cues[SpeechMeasurement.TILT] = -13;
        cues[SpeechMeasurement.FLUX] = 0.19;
        cues[SpeechMeasurement.SLOPE] = -2;
        cues[SpeechMeasurement.LEVEL] = -25;
        return cues;
    }

    private static SpeechMeasurement measurement(double[] cues, double seconds) {
        return new SpeechMeasurement(Prosody.unknown(), cues, seconds, 100, -25);
    }

    @Test
    void referenceCuesReadNeutral() {
        VoiceAffect affect = RULES.read(measurement(neutralCues(), 3), null);
        assertEquals(0, affect.arousal(), 1e-9);
        assertEquals(0, affect.valence(), 1e-9);
        assertEquals(Emotion.NEUTRAL, affect.scores().dominant());
        assertTrue(affect.scores().probability(Emotion.NEUTRAL) > 0.4, affect.toString());
    }

    @Test
    void eachArousalCueMovesArousalItsWay() {
        double base = RULES.read(measurement(neutralCues(), 3), null).arousal();
        int[] cues = {SpeechMeasurement.PITCH, SpeechMeasurement.RANGE, SpeechMeasurement.RATE,
            SpeechMeasurement.LOUDNESS_RANGE, SpeechMeasurement.CENTROID, SpeechMeasurement.TILT,
            SpeechMeasurement.FLUX};
        double[] steps = {8, 4, 1.5, 8, 300, 5, 0.03};
        for (int i = 0; i < cues.length; i++) {
            double[] up = neutralCues();
            up[cues[i]] += steps[i];
            double[] down = neutralCues();
            down[cues[i]] -= steps[i];
            double higher = RULES.read(measurement(up, 3), null).arousal();
            double lower = RULES.read(measurement(down, 3), null).arousal();
            assertTrue(higher > base + 0.02 && lower < base - 0.02,
                    "cue " + i + ": " + lower + " < " + base + " < " + higher);
        }
    }

    @Test
    void absoluteLevelIsNoCue() {
        double[] loud = neutralCues();
        loud[SpeechMeasurement.LEVEL] = -5;
        double[] soft = neutralCues();
        soft[SpeechMeasurement.LEVEL] = -60;
        assertEquals(RULES.read(measurement(loud, 3), null),
                RULES.read(measurement(soft, 3), null));
        // A fresh baseline has no level either.
        assertEquals(RULES.read(measurement(loud, 3), SpeakerBaseline.withoutPopulation(SpeechMeasurement.CUE_COUNT)),
                RULES.read(measurement(soft, 3), SpeakerBaseline.withoutPopulation(SpeechMeasurement.CUE_COUNT)));
    }

    @Test
    void levelCountsRelativeToTheSameSpeaker() {
        SpeakerBaseline baseline = SpeakerBaseline.withoutPopulation(SpeechMeasurement.CUE_COUNT);
        for (int i = 0; i < 10; i++) {
            baseline.add(neutralCues(), 3);
        }
        double[] louder = neutralCues();
        louder[SpeechMeasurement.LEVEL] += 10;
        assertTrue(RULES.read(measurement(louder, 3), baseline).arousal()
                > RULES.read(measurement(neutralCues(), 3), baseline).arousal() + 0.05);
    }

    @Test
    void aHighVoicedSpeakerIsJudgedAgainstTheirOwnBaseline() {
        double[] high = neutralCues();
        high[SpeechMeasurement.PITCH] = 12 * Math.log(2.6) / Math.log(2); // 260 Hz
        double alone = RULES.read(measurement(high, 3), null).arousal();
        SpeakerBaseline baseline = SpeakerBaseline.withoutPopulation(SpeechMeasurement.CUE_COUNT);
        for (int i = 0; i < 10; i++) {
            baseline.add(high, 3);
        }
        double known = RULES.read(measurement(high, 3), baseline).arousal();
        assertTrue(alone > 0.1, "260 Hz with no baseline: " + alone);
        assertTrue(known < alone - 0.05, "with the speaker's own baseline: " + known);
    }

    @Test
    void shortSpeechIsPulledTowardNeutral() {
        double[] aroused = neutralCues();
        aroused[SpeechMeasurement.RATE] = 6;
        aroused[SpeechMeasurement.PITCH] += 10;
        double full = RULES.read(measurement(aroused, 3), null).arousal();
        double brief = RULES.read(measurement(aroused, 0.3), null).arousal();
        assertEquals(0.3 * full, brief, 1e-9);
    }

    @Test
    void missingCuesCountAsUninformative() {
        double[] cues = neutralCues();
        cues[SpeechMeasurement.PITCH] = Double.NaN;
        cues[SpeechMeasurement.RANGE] = Double.NaN;
        cues[SpeechMeasurement.SLOPE] = Double.NaN;
        VoiceAffect affect = RULES.read(measurement(cues, 3), null);
        assertEquals(0, affect.arousal(), 1e-9);
        assertEquals(0, affect.valence(), 1e-9);
    }

    @Test
    void valenceIsCapped() {
        double[] pleasant = neutralCues();
        pleasant[SpeechMeasurement.RANGE] = 20;
        pleasant[SpeechMeasurement.SLOPE] = 30;
        pleasant[SpeechMeasurement.TILT] = -30;
        double v = RULES.read(measurement(pleasant, 3), null).valence();
        assertTrue(v > 0.25 && v <= 0.3, "valence " + v);
    }

    @Test
    void circumplexMappingPlacesTheCorners() {
        assertEquals(Emotion.NEUTRAL, AffectRules.scores(0, 0).dominant());
        assertEquals(Emotion.HAPPINESS, AffectRules.scores(0.8, 0.5).dominant());
        assertEquals(Emotion.SADNESS, AffectRules.scores(-0.3, -0.6).dominant());
        EmotionScores aroused = AffectRules.scores(-0.3, 0.9);
        assertTrue(aroused.probability(Emotion.ANGER) + aroused.probability(Emotion.FEAR) > 0.5,
                aroused.toString());
        // Arousal derived from the distribution follows the input arousal.
        assertTrue(AffectRules.scores(0, 0.8).arousal() > AffectRules.scores(0, 0).arousal() + 0.3);
        assertTrue(AffectRules.scores(0, -0.8).arousal() < AffectRules.scores(0, 0).arousal());
    }
}
