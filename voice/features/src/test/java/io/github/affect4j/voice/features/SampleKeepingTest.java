package io.github.affect4j.voice.features;

import io.github.affect4j.voice.fixtures.TestClips;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.AudioClip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples kept for waveform models: what they are, and how much a stream holds. */
class SampleKeepingTest {

    @Test
    void eachSegmentCarriesItsOwnSpanOfConditionedAudio() {
        AudioClip speech = TestClips.speech();
        ClipFeatures plain = new AcousticFeatureExtractor().extract(speech);
        ClipFeatures kept = new AcousticFeatureExtractor().keepingSamples().extract(speech);
        assertEquals(plain.segments().size(), kept.segments().size());
        assertEquals(0, plain.segments().get(0).sampleCount());
        for (int i = 0; i < kept.segments().size(); i++) {
            SpeechFeatures s = kept.segments().get(i);
            // keeping samples changes nothing else
            assertArrayEquals(plain.segments().get(i).values(), s.values());
            assertEquals(Math.round(s.endSeconds() * 16000) - Math.round(s.startSeconds() * 16000),
                    s.sampleCount());
            // 16 kHz input: the conditioned samples are the input less its DC (a 20 Hz high-pass),
            // aligned to the sample: the difference is smallest at lag 0
            float[] x = s.samples();
            int from = (int) Math.round(s.startSeconds() * 16000);
            double best = residual(x, speech.samples(), from);
            assertTrue(best < 0.05, "DC blocker only: " + best);
            assertTrue(best < residual(x, speech.samples(), from - 1) / 2);
            assertTrue(best < residual(x, speech.samples(), from + 1) / 2);
        }
    }

    private static double residual(float[] x, float[] raw, int from) {
        double error = 0;
        double power = 0;
        for (int k = 0; k < x.length; k++) {
            error += Math.pow(x[k] - raw[from + k], 2);
            power += Math.pow(raw[from + k], 2);
        }
        return error / power;
    }

    @Test
    void aStreamHoldsAtMostOneSegmentOfSamples() {
        float[] speech = TestClips.speech().samples();
        float[] long8 = new float[speech.length * 8];
        for (int r = 0; r < 8; r++) {
            System.arraycopy(speech, 0, long8, r * speech.length, speech.length);
        }
        FeatureStream stream = new AcousticFeatureExtractor().keepingSamples().openStream(16000);
        List<SpeechFeatures> segments = new ArrayList<>();
        int most = 0;
        for (int from = 0; from < long8.length; from += 320) {
            segments.addAll(stream.accept(Arrays.copyOfRange(long8, from,
                    Math.min(long8.length, from + 320))));
            most = Math.max(most, stream.retainedSamples());
        }
        segments.addAll(stream.flush());
        // without pauses between the copies, speech is cut every 10 s
        assertTrue(segments.size() >= 6, segments.toString());
        for (SpeechFeatures s : segments) {
            assertTrue(s.sampleCount() > 0.9 * 16000 * (s.endSeconds() - s.startSeconds()),
                    s.toString());
        }
        // at most one 10 s segment plus framing and the compaction slack (half the buffer), far
        // from the 57 s streamed
        assertTrue(most < 16000 * 20, "held " + most + " samples");
    }
}
