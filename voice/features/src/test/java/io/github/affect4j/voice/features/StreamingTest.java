package io.github.affect4j.voice.features;

import io.github.affect4j.voice.fixtures.TestClips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.AudioClip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clip fed in 20 ms chunks gives the segments whole-clip extraction finds. */
class StreamingTest {

    private final AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();

    @Test
    void chunksGiveTheSegmentsOfTheWholeClip() {
        AudioClip a = TestClips.synthetic("03-01-05-01-01-01-03.wav");
        AudioClip b = TestClips.synthetic("03-01-04-01-02-01-03.wav");
        float[] pause = new float[8_000];
        AudioClip clip = AudioClip.of(TestClips.concat(a.samples(), pause, b.samples(), pause,
                TestClips.speech().samples()), 16_000);
        List<SpeechFeatures> whole = extractor.extract(clip).segments();
        assertTrue(whole.size() >= 3, whole.toString());

        FeatureStream stream = extractor.openStream(16_000);
        List<SpeechFeatures> streamed = new ArrayList<>();
        float[] samples = clip.samples();
        int maxRetained = 0;
        for (int from = 0; from < samples.length; from += 320) {
            streamed.addAll(stream.accept(Arrays.copyOfRange(samples, from,
                    Math.min(samples.length, from + 320))));
            maxRetained = Math.max(maxRetained, stream.retainedFrames());
        }
        streamed.addAll(stream.flush());
        assertEquals(whole.size(), streamed.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i).startSeconds(), streamed.get(i).startSeconds(), 1e-9);
            assertTrue(Arrays.equals(whole.get(i).values(), streamed.get(i).values()),
                    "segment " + i);
        }
        // Bounded: never more than one 10 s segment of frames.
        assertTrue(maxRetained <= 1_003, "retained " + maxRetained);
    }
}
