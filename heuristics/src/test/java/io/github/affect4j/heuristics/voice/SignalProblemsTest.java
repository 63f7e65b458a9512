package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.VoiceResult.Flag;
import io.github.affect4j.media.AudioClip;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silence, noise, short clips, clipping, DC offset and low level. */
class SignalProblemsTest {

    private static ProsodicVoiceDetector detector;
    private static AudioClip speech;
    private static VoiceAnalysis speechAnalysis;

    @BeforeAll
    static void create() {
        detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
        speech = TestAudio.speech();
        speechAnalysis = detector.analyze(speech);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void digitalSilenceHasNoSpeechAndNoAffect() {
        VoiceAnalysis analysis = detector.analyze(AudioClip.of(TestAudio.silence(16_000, 3), 16_000));
        assertNoSpeech(analysis);
        assertTrue(analysis.summary().flags().contains(Flag.LOW_LEVEL));
        assertEquals(Prosody.unknown(), analysis.summary().prosody());
        assertEquals(3.0, analysis.durationSeconds(), 1e-9);
    }

    @Test
    void veryLowNoiseHasNoSpeech() {
        assertNoSpeech(detector.analyze(AudioClip.of(TestAudio.noise(16_000, 3, 1e-4, 1), 16_000)));
    }

    @Test
    void loudSteadyNoiseHasNoSpeech() {
        // -20 dBFS white noise: loud, but steady, so the adaptive floor follows it.
        VoiceAnalysis analysis = detector.analyze(
                AudioClip.of(TestAudio.noise(44_100, 4, 0.1, 2), 44_100));
        assertNoSpeech(analysis);
        assertFalse(analysis.summary().flags().contains(Flag.LOW_LEVEL));
    }

    @Test
    void steadyHumHasNoSpeech() {
        // A steady 100 Hz buzz has a pitch but no onsets: not speech.
        float[] hum = TestAudio.vowel(16_000, 4, t -> 100, t -> 1);
        assertNoSpeech(detector.analyze(AudioClip.of(hum, 16_000)));
    }

    @Test
    void unvoicedBurstsAreNotSpeech() {
        float[] bursts = TestAudio.concat(TestAudio.silence(16_000, 0.5),
                TestAudio.noise(16_000, 0.4, 0.1, 3), TestAudio.silence(16_000, 0.6),
                TestAudio.noise(16_000, 0.4, 0.1, 4), TestAudio.silence(16_000, 0.5));
        assertNoSpeech(detector.analyze(AudioClip.of(bursts, 16_000)));
    }

    @Test
    void clipShorterThanHalfASecondIsTooShort() {
        // 0.1 s silence, then 0.3 s of the reader's first word.
        AudioClip shortClip = speech.slice((int) (0.14 * 16_000), (int) (0.54 * 16_000));
        VoiceAnalysis analysis = detector.analyze(shortClip);
        assertTrue(analysis.summary().flags().contains(Flag.TOO_SHORT), analysis.toString());
        assertTrue(analysis.segments().get(0).flags().contains(Flag.TOO_SHORT));
        // Still read, but pulled toward neutral: with under 1 s of speech the reading is scaled
        // by the seconds of speech.
        assertTrue(analysis.summary().hasSpeech(), analysis.toString());
        double seconds = analysis.summary().speechRatio() * shortClip.durationSeconds();
        assertTrue(seconds < 0.5, analysis.toString());
        assertTrue(Math.abs(analysis.affect().orElseThrow().arousal()) <= seconds,
                analysis.toString());
        assertFalse(speechAnalysis.summary().flags().contains(Flag.TOO_SHORT));
    }

    @Test
    void silentClipShorterThanHalfASecondIsNoSpeechAndTooShort() {
        VoiceAnalysis analysis = detector.analyze(AudioClip.of(new float[3_000], 8_000));
        assertEquals(Set.of(Flag.NO_SPEECH, Flag.TOO_SHORT, Flag.LOW_LEVEL),
                analysis.summary().flags());
    }

    @Test
    void overdrivenSpeechIsFlaggedClipped() {
        assertFalse(speechAnalysis.summary().flags().contains(Flag.CLIPPED));
        VoiceAnalysis analysis = detector.analyze(TestAudio.overdriven(speech, 8));
        assertTrue(analysis.summary().flags().contains(Flag.CLIPPED), analysis.toString());
        assertTrue(analysis.segments().stream().anyMatch(s -> s.flags().contains(Flag.CLIPPED)));
    }

    @Test
    void peakNormalisedSpeechIsNotFlaggedClipped() {
        VoiceAnalysis analysis = detector.analyze(TestAudio.withPeak(speech, 1.0));
        assertFalse(analysis.summary().flags().contains(Flag.CLIPPED), analysis.toString());
    }

    @Test
    void dcOffsetIsFlaggedAndDoesNotChangeTheReading() {
        assertFalse(speechAnalysis.summary().flags().contains(Flag.DC_OFFSET));
        VoiceAnalysis shifted = detector.analyze(TestAudio.offset(speech, 0.25));
        assertTrue(shifted.summary().flags().contains(Flag.DC_OFFSET), shifted.toString());
        assertEquals(speechAnalysis.segments().size(), shifted.segments().size());
        for (int i = 0; i < shifted.segments().size(); i++) {
            VoiceResult a = speechAnalysis.segments().get(i);
            VoiceResult b = shifted.segments().get(i);
            assertEquals(a.startSeconds(), b.startSeconds(), 0.011);
            assertEquals(a.endSeconds(), b.endSeconds(), 0.011);
            assertTrue(b.flags().contains(Flag.DC_OFFSET));
        }
        double arousal = speechAnalysis.affect().orElseThrow().arousal();
        assertEquals(arousal, shifted.affect().orElseThrow().arousal(), 0.01);
        assertEquals(speechAnalysis.summary().prosody().pitchMedianHz(),
                shifted.summary().prosody().pitchMedianHz(), 1.0);
    }

    @Test
    void quietSpeechIsFlaggedLowLevelAndReadTheSame() {
        assertFalse(speechAnalysis.summary().flags().contains(Flag.LOW_LEVEL));
        // About -51 dBFS of speech: quiet, but well above 16-bit noise.
        VoiceAnalysis quiet = detector.analyze(TestAudio.scaled(speech, 0.005));
        assertTrue(quiet.summary().flags().contains(Flag.LOW_LEVEL), quiet.toString());
        assertTrue(quiet.summary().hasSpeech());
        assertEquals(speechAnalysis.affect().orElseThrow().arousal(),
                quiet.affect().orElseThrow().arousal(), 0.05);
    }

    private static void assertNoSpeech(VoiceAnalysis analysis) {
        VoiceResult summary = analysis.summary();
        assertTrue(summary.flags().contains(Flag.NO_SPEECH), analysis.toString());
        assertTrue(summary.affect().isEmpty(), analysis.toString());
        assertFalse(summary.hasSpeech());
        assertTrue(analysis.segments().isEmpty(), analysis.toString());
        assertEquals(0, summary.speechRatio());
        assertTrue(Double.isNaN(summary.prosody().pitchMedianHz()));
    }
}
