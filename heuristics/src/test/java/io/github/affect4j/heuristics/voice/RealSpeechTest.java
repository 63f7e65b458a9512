package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import org.junit.jupiter.api.Test;

/** End to end on real, neutral read speech (a male LibriVox reader, 7.1 s). */
class RealSpeechTest {

    @Test
    void readsTheSampleEndToEnd() {
        AudioClip clip = TestAudio.speech();
        VoiceAnalysis analysis;
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS)) {
            analysis = detector.analyze(clip);
        }
        VoiceResult summary = analysis.summary();
        assertEquals(0, summary.startSeconds());
        assertEquals(clip.durationSeconds(), summary.endSeconds(), 1e-9);
        assertTrue(summary.hasSpeech(), summary.toString());
        assertTrue(summary.flags().isEmpty(), summary.flags().toString());
        // One sentence with short pauses: most of the clip is speech, not all.
        assertTrue(summary.speechRatio() > 0.6 && summary.speechRatio() < 1, summary.toString());

        Prosody p = summary.prosody();
        assertTrue(p.pitchMedianHz() > 70 && p.pitchMedianHz() < 300, p.toString());
        // A male reader: below the range of typical female voices.
        assertTrue(p.pitchMedianHz() < 160, p.toString());
        assertTrue(p.pitchRangeSemitones() > 1 && p.pitchRangeSemitones() < 15, p.toString());
        assertTrue(p.voicedRatio() > 0.3 && p.voicedRatio() <= 1, p.toString());
        // About 33 syllables in about 6.4 s of speech.
        assertTrue(p.speakingRate() > 2.5 && p.speakingRate() < 7, p.toString());
        assertTrue(p.loudnessRangeDb() > 5 && p.loudnessRangeDb() < 50, p.toString());
        assertTrue(p.spectralCentroidHz() > 300 && p.spectralCentroidHz() < 3000, p.toString());

        VoiceAffect affect = summary.affect().orElseThrow();
        // Calm read speech: not aroused, and the distribution favours neutral.
        assertTrue(affect.arousal() < 0.3 && affect.arousal() > -0.8, affect.toString());
        assertEquals(Emotion.NEUTRAL, affect.scores().dominant(), affect.toString());
        double total = 0;
        for (Emotion e : Emotion.values()) {
            total += affect.scores().probability(e);
        }
        assertEquals(1, total, 1e-9);

        assertFalse(analysis.segments().isEmpty());
        double previousEnd = 0;
        for (VoiceResult segment : analysis.segments()) {
            assertTrue(segment.startSeconds() >= previousEnd, segment.toString());
            assertTrue(segment.endSeconds() <= clip.durationSeconds(), segment.toString());
            assertTrue(segment.hasSpeech(), segment.toString());
            previousEnd = segment.endSeconds();
        }
        // The reader starts after about 0.3 s of silence and stops before the end.
        VoiceResult first = analysis.segments().get(0);
        assertTrue(first.startSeconds() > 0.1 && first.startSeconds() < 0.6, first.toString());
        assertEquals("heuristic", analysis.detector().providerId());
        assertEquals("none", analysis.detector().model());
    }
}
