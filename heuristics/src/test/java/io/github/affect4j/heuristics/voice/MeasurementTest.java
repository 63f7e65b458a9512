package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.features.SpeechPipeline;
import io.github.affect4j.voice.features.SpeechSpan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The measurements against synthetic signals whose true values are known. */
class MeasurementTest {

    private static final double PAD = 0.5;

    /** Silence, a synthetic vowel, silence, at the given rate. */
    private static AudioClip utterance(int rate, double seconds,
                                       java.util.function.DoubleUnaryOperator pitch,
                                       java.util.function.DoubleUnaryOperator amplitude) {
        return AudioClip.of(TestAudio.concat(TestAudio.noise(rate, PAD, 1e-4, 11),
                TestAudio.vowel(rate, seconds, pitch, amplitude),
                TestAudio.noise(rate, PAD, 1e-4, 12)), rate);
    }

    private static VoiceAnalysis analyze(AudioClip clip) {
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS)) {
            return detector.analyze(clip);
        }
    }

    @ParameterizedTest
    @CsvSource({"80, 16000", "120, 44100", "220, 8000", "350, 48000", "500, 22050"})
    void pitchOfASteadyVowel(double hz, int rate) {
        Prosody p = analyze(utterance(rate, 1.5, t -> hz, t -> 1)).summary().prosody();
        assertEquals(hz, p.pitchMedianHz(), 0.01 * hz, p.toString());
        assertEquals(0, p.pitchRangeSemitones(), 0.2, p.toString());
        assertTrue(p.voicedRatio() > 0.95, p.toString());
    }

    @Test
    void pitchRangeOfAGlide() {
        // An octave glide, 100 to 200 Hz, exponential in time: the 10th to 90th percentile
        // range is 80 % of an octave, 9.6 semitones.
        Prosody p = analyze(utterance(16_000, 2, t -> 100 * Math.pow(2, t / 2), t -> 1))
                .summary().prosody();
        assertEquals(9.6, p.pitchRangeSemitones(), 0.4, p.toString());
        assertEquals(100 * Math.sqrt(2), p.pitchMedianHz(), 3, p.toString());
    }

    @ParameterizedTest
    @CsvSource({"2.5", "4", "6"})
    void speakingRateCountsSyllableLikePulses(double syllablesPerSecond) {
        // A vowel whose level dips by 20 dB between "syllables".
        double seconds = 3;
        Prosody p = analyze(utterance(16_000, seconds, t -> 120 + 10 * Math.sin(2 * Math.PI * t),
                t -> 0.1 + 0.9 * Math.pow(Math.sin(Math.PI * syllablesPerSecond * t), 2)))
                .summary().prosody();
        assertEquals(syllablesPerSecond, p.speakingRate(), 0.12 * syllablesPerSecond,
                p.toString());
        assertTrue(p.loudnessRangeDb() > 8, p.toString());
    }

    @Test
    void segmentsFollowThePauses() {
        int rate = 16_000;
        List<float[]> parts = new ArrayList<>();
        parts.add(TestAudio.noise(rate, 0.5, 1e-3, 21));
        for (int i = 0; i < 3; i++) {
            parts.add(TestAudio.vowel(rate, 1.0, t -> 110, t -> 1));
            parts.add(TestAudio.noise(rate, 0.8, 1e-3, 22 + i));
        }
        VoiceAnalysis analysis = analyze(AudioClip.of(
                TestAudio.concat(parts.toArray(new float[0][])), rate));
        assertEquals(3, analysis.segments().size(), analysis.toString());
        for (int i = 0; i < 3; i++) {
            double start = 0.5 + i * 1.8;
            assertEquals(start, analysis.segments().get(i).startSeconds(), 0.03);
            assertEquals(start + 1.0, analysis.segments().get(i).endSeconds(), 0.03);
        }
        assertEquals(3.0 / 5.9, analysis.summary().speechRatio(), 0.02);
    }

    @Test
    void pausesShorterThanTheSettingStayInOneSegment() {
        int rate = 16_000;
        float[] audio = TestAudio.concat(TestAudio.noise(rate, 0.5, 1e-3, 31),
                TestAudio.vowel(rate, 1.0, t -> 110, t -> 1),
                TestAudio.noise(rate, 0.2, 1e-3, 32),
                TestAudio.vowel(rate, 1.0, t -> 110, t -> 1),
                TestAudio.noise(rate, 0.5, 1e-3, 33));
        VoiceAnalysis analysis = analyze(AudioClip.of(audio, rate));
        assertEquals(1, analysis.segments().size(), analysis.toString());
        // The 0.2 s pause is inside the segment but not speech.
        assertEquals(2.0 / 2.2, analysis.segments().get(0).speechRatio(), 0.03);
    }

    @Test
    void centroidAndTiltFollowTheSpectrum() {
        int rate = 16_000;
        AudioClip dark = utterance(rate, 1, t -> 120, t -> 1);
        float[] brightSamples = dark.samples();
        // First difference: +6 dB per octave, a brighter, flatter spectrum.
        for (int i = brightSamples.length - 1; i > 0; i--) {
            brightSamples[i] = 4 * (brightSamples[i] - brightSamples[i - 1]);
        }
        AudioClip bright = AudioClip.of(brightSamples, rate);
        SpeechMeasurement darkM = measure(dark);
        SpeechMeasurement brightM = measure(bright);
        assertTrue(brightM.prosody().spectralCentroidHz()
                > darkM.prosody().spectralCentroidHz() + 200, brightM + " vs " + darkM);
        assertTrue(brightM.cues()[SpeechMeasurement.TILT]
                > darkM.cues()[SpeechMeasurement.TILT] + 6, brightM + " vs " + darkM);
    }

    private static SpeechMeasurement measure(AudioClip clip) {
        SpeechPipeline pipeline = ProsodyAnalysis.pipeline(VoiceSettings.DEFAULTS,
                clip.sampleRate());
        List<SpeechSpan> spans = new ArrayList<>();
        float[] s = clip.samples();
        pipeline.accept(s, 0, s.length, spans::add);
        pipeline.finish(spans::add);
        return SpeechMeasurement.of(spans);
    }
}
