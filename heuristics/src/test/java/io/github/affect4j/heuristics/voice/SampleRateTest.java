package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same speech at 8, 22.05, 44.1 and 48 kHz (made by the test's own windowed-sinc resampler,
 * not the code under test) reads like the 16 kHz original.
 */
class SampleRateTest {

    private static ProsodicVoiceDetector detector;
    private static AudioClip speech;
    private static VoiceAnalysis reference;
    private static AudioClip aroused;
    private static VoiceAnalysis arousedReference;

    @BeforeAll
    static void create() {
        detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
        speech = TestAudio.speech();
        reference = detector.analyze(speech);
        aroused = TestAudio.resource("usf-seven-aroused.wav");
        arousedReference = detector.analyze(aroused);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 22_050, 44_100, 48_000})
    void realSpeechReadsTheSameAtEveryRate(int rate) {
        assertConsistent(reference, detector.analyze(TestAudio.resample(speech, rate)), rate);
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 22_050, 44_100, 48_000})
    void highFemaleVoiceReadsTheSameAtEveryRate(int rate) {
        assertConsistent(arousedReference, detector.analyze(TestAudio.resample(aroused, rate)), rate);
    }

    private static void assertConsistent(VoiceAnalysis expected, VoiceAnalysis actual, int rate) {
        VoiceResult e = expected.summary();
        VoiceResult a = actual.summary();
        String at = " at " + rate + " Hz: " + a + " vs " + e;
        assertEquals(e.flags(), a.flags(), at);
        assertEquals(e.prosody().pitchMedianHz(), a.prosody().pitchMedianHz(),
                0.02 * e.prosody().pitchMedianHz(), "pitch" + at);
        // 8 kHz audio loses some of the top of the 80-3400 Hz band to its anti-alias filter.
        double centroidTolerance = rate == 8_000 ? 0.08 : 0.02;
        assertEquals(e.prosody().spectralCentroidHz(), a.prosody().spectralCentroidHz(),
                centroidTolerance * e.prosody().spectralCentroidHz(), "centroid" + at);
        assertEquals(e.prosody().speakingRate(), a.prosody().speakingRate(),
                0.15 * e.prosody().speakingRate(), "rate" + at);
        assertEquals(e.affect().orElseThrow().arousal(), a.affect().orElseThrow().arousal(), 0.1,
                "arousal" + at);
        assertEquals(expected.segments().size(), actual.segments().size(), "segments" + at);
        for (int i = 0; i < expected.segments().size(); i++) {
            assertEquals(expected.segments().get(i).startSeconds(),
                    actual.segments().get(i).startSeconds(), 0.03, "segment start" + at);
            assertEquals(expected.segments().get(i).endSeconds(),
                    actual.segments().get(i).endSeconds(), 0.03, "segment end" + at);
        }
        assertTrue(Math.abs(a.durationSeconds() - e.durationSeconds()) < 0.001, at);
    }
}
