package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceResult.Flag;
import io.github.affect4j.media.AudioClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same text spoken aroused (loud, fast, high) and calm (soft, slow, low) by espeak-ng, five
 * voice and text pairs (see make-clips.sh): the aroused clip must read more aroused, also when
 * both are brought to the same peak and when the calm one is made 20 dB louder, so that level is
 * shown not to be the cue.
 */
class ArousalPairsTest {

    /** Clearly apart, not just in order: measured differences are 0.7 to 1.2. */
    private static final double MIN_DIFFERENCE = 0.4;

    private static VoiceEmotionDetector detector;

    @BeforeAll
    static void create() {
        detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    static String[] pairs() {
        return TestAudio.PAIRS;
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void arousedReadsMoreArousedThanCalm(String pair) {
        double aroused = arousal(TestAudio.resource(pair + "-aroused.wav"));
        double calm = arousal(TestAudio.resource(pair + "-calm.wav"));
        assertTrue(aroused - calm > MIN_DIFFERENCE,
                pair + ": aroused " + aroused + " vs calm " + calm);
        assertTrue(aroused > 0 && calm < 0, pair + ": aroused " + aroused + ", calm " + calm);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void samePeakSameOrder(String pair) {
        double aroused = arousal(TestAudio.withPeak(TestAudio.resource(pair + "-aroused.wav"), 0.5));
        double calm = arousal(TestAudio.withPeak(TestAudio.resource(pair + "-calm.wav"), 0.5));
        assertTrue(aroused - calm > MIN_DIFFERENCE,
                pair + " at equal peaks: aroused " + aroused + " vs calm " + calm);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void calmLouderThanArousedStillReadsCalmer(String pair) {
        AudioClip aroused = TestAudio.withPeak(TestAudio.resource(pair + "-aroused.wav"), 0.05);
        AudioClip calm = TestAudio.withPeak(TestAudio.resource(pair + "-calm.wav"), 0.5);
        double a = arousal(aroused);
        double c = arousal(calm);
        assertTrue(a - c > MIN_DIFFERENCE, pair + " with levels swapped: aroused " + a
                + " vs calm " + c);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void levelDoesNotChangeTheReading(String pair) {
        AudioClip clip = TestAudio.resource(pair + "-aroused.wav");
        double original = arousal(clip);
        double quieter = arousal(TestAudio.scaled(clip, 0.1));
        assertEquals(original, quieter, 0.02, pair + " at -20 dB");
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void clipsAreCleanSpeech(String pair) {
        for (String style : new String[] {"-aroused.wav", "-calm.wav"}) {
            VoiceAnalysis analysis = detector.analyze(TestAudio.resource(pair + style));
            assertEquals(1, analysis.segments().size(), pair + style + ": " + analysis);
            assertFalse(analysis.summary().flags().contains(Flag.CLIPPED), pair + style);
            assertTrue(analysis.summary().flags().isEmpty(), pair + style + ": "
                    + analysis.summary().flags());
        }
    }

    private static double arousal(AudioClip clip) {
        return detector.analyze(clip).affect().orElseThrow().arousal();
    }
}
