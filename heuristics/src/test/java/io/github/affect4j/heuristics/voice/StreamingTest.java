package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechPipeline;
import io.github.affect4j.voice.features.SpeechSegmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streams: agreement with batch analysis, speaker baseline, bounded memory, misuse. */
class StreamingTest {

    private static ProsodicVoiceDetector detector;

    @BeforeAll
    static void create() {
        detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    /** A conversation-like clip: several utterances with pauses, from the committed clips. */
    private static AudioClip conversation(int rate) {
        List<float[]> parts = new ArrayList<>();
        for (String name : new String[] {"us-fox-calm", "usf-seven-aroused", "de-zug-calm"}) {
            parts.add(TestAudio.resource(name + ".wav").samples());
            parts.add(TestAudio.silence(16_000, 0.4));
        }
        AudioClip clip = AudioClip.of(TestAudio.concat(parts.toArray(new float[0][])), 16_000);
        return TestAudio.resample(clip, rate);
    }

    private static List<VoiceResult> stream(AudioClip clip, double chunkSeconds) {
        List<VoiceResult> results = new ArrayList<>();
        try (VoiceEmotionStream stream = detector.openStream(clip.sampleRate())) {
            int chunk = (int) Math.round(chunkSeconds * clip.sampleRate());
            float[] samples = clip.samples();
            for (int from = 0; from < samples.length; from += chunk) {
                results.addAll(stream.accept(
                        Arrays.copyOfRange(samples, from, Math.min(samples.length, from + chunk))));
            }
            results.addAll(stream.flush());
        }
        return results;
    }

    @Test
    void twentyMillisecondChunksGiveTheBatchSegmentsAt16kHz() {
        AudioClip clip = conversation(16_000);
        VoiceAnalysis batch = detector.analyze(clip);
        List<VoiceResult> streamed = stream(clip, 0.02);
        assertEquals(3, batch.segments().size(), batch.toString());
        // Same pipeline, same input: the same results, baseline included.
        assertEquals(batch.segments(), streamed);
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 44_100})
    void twentyMillisecondChunksGiveTheBatchSegmentsAtOtherRates(int rate) {
        AudioClip clip = conversation(rate);
        VoiceAnalysis batch = detector.analyze(clip);
        List<VoiceResult> streamed = stream(clip, 0.02);
        assertEquals(batch.segments().size(), streamed.size(), streamed.toString());
        for (int i = 0; i < streamed.size(); i++) {
            VoiceResult b = batch.segments().get(i);
            VoiceResult s = streamed.get(i);
            assertEquals(b.startSeconds(), s.startSeconds(), 0.02, s + " vs " + b);
            assertEquals(b.endSeconds(), s.endSeconds(), 0.02, s + " vs " + b);
            assertEquals(b.affect().orElseThrow().arousal(), s.affect().orElseThrow().arousal(),
                    0.02, s + " vs " + b);
        }
    }

    @Test
    void oddChunkSizesDoNotChangeTheResult() {
        AudioClip clip = conversation(22_050);
        List<VoiceResult> twenty = stream(clip, 0.02);
        List<VoiceResult> odd = stream(clip, 0.0371);
        assertEquals(twenty.size(), odd.size());
        for (int i = 0; i < twenty.size(); i++) {
            assertEquals(twenty.get(i).startSeconds(), odd.get(i).startSeconds(), 1e-9);
            assertEquals(twenty.get(i).affect().orElseThrow().arousal(),
                    odd.get(i).affect().orElseThrow().arousal(), 1e-3);
        }
    }

    @Test
    void segmentsAreReportedWhenTheyEndNotAtFlush() {
        AudioClip clip = conversation(16_000);
        List<Integer> chunksWithResults = new ArrayList<>();
        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
            float[] samples = clip.samples();
            int chunk = 320;
            for (int from = 0, i = 0; from < samples.length; from += chunk, i++) {
                List<VoiceResult> r = stream.accept(
                        Arrays.copyOfRange(samples, from, Math.min(samples.length, from + chunk)));
                if (!r.isEmpty()) {
                    chunksWithResults.add(i);
                    // Reported about one pause length after the segment's end.
                    double now = Math.min(samples.length, from + chunk) / 16_000.0;
                    double end = r.get(0).endSeconds();
                    assertTrue(now - end > 0.25 && now - end < 0.45, "reported at " + now
                            + " for a segment ending at " + end);
                }
            }
        }
        assertEquals(3, chunksWithResults.size(), chunksWithResults.toString());
    }

    @Test
    void laterSegmentsAreJudgedAgainstTheSpeakersBaseline() {
        float[] probe = TestAudio.resource("us-seven-aroused.wav").samples();
        float[] calm = TestAudio.resource("us-seven-calm.wav").samples();
        float[] aroused = TestAudio.resource("us-fox-aroused.wav").samples();
        double afterCalm = lastArousal(calm, probe);
        double afterAroused = lastArousal(aroused, probe);
        double alone = lastArousal(null, probe);
        // The same utterance reads more aroused from a speaker who was calm so far, less
        // from one who was already aroused.
        assertTrue(afterCalm > alone && alone > afterAroused,
                "after calm " + afterCalm + ", alone " + alone + ", after aroused " + afterAroused);
        assertTrue(afterCalm - afterAroused > 0.3, afterCalm + " vs " + afterAroused);
    }

    private static double lastArousal(float[] history, float[] probe) {
        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
            if (history != null) {
                // About 30 s of history: enough for the baseline's full trust.
                for (int i = 0; i < 10; i++) {
                    stream.accept(history);
                    stream.accept(TestAudio.silence(16_000, 0.5));
                }
            }
            List<VoiceResult> results = new ArrayList<>(stream.accept(probe));
            results.addAll(stream.flush());
            return results.get(results.size() - 1).affect().orElseThrow().arousal();
        }
    }

    @Test
    void tenMinutesDoNotGrowTheRetainedState() {
        // Synthetic speech-like audio at 44.1 kHz: 2 s voiced bursts with syllable-rate
        // modulation, 1 s pauses, and one 30 s stretch without a pause (longer than the
        // 10 s segment limit).
        int rate = 44_100;
        float[] utterance = TestAudio.concat(
                TestAudio.vowel(rate, 2, t -> 110 + 20 * Math.sin(2 * Math.PI * 0.7 * t),
                        t -> 0.3 + 0.7 * Math.pow(Math.sin(Math.PI * 4 * t), 2)),
                TestAudio.noise(rate, 1, 0.001, 5));
        float[] monologue = TestAudio.vowel(rate, 30, t -> 120 + 15 * Math.sin(2 * Math.PI * t),
                t -> 0.3 + 0.7 * Math.pow(Math.sin(Math.PI * 4 * t), 2));
        int chunk = rate / 50;
        int maxFrames = 0;
        int maxBuffered = 0;
        int maxFlags = 0;
        int segments = 0;
        try (ProsodicVoiceStream stream = (ProsodicVoiceStream) detector.openStream(rate)) {
            SpeechPipeline pipeline = stream.pipeline();
            double fed = 0;
            boolean monologueFed = false;
            while (fed < 600) {
                float[] block = !monologueFed && fed > 300 ? monologue : utterance;
                monologueFed |= block == monologue;
                for (int from = 0; from < block.length; from += chunk) {
                    List<VoiceResult> r = stream.accept(Arrays.copyOfRange(block, from,
                            Math.min(block.length, from + chunk)));
                    segments += r.size();
                    for (VoiceResult result : r) {
                        assertTrue(result.durationSeconds() <= 10.01, result.toString());
                    }
                    maxFrames = Math.max(maxFrames, pipeline.retainedFrames());
                    maxFlags = Math.max(maxFlags, pipeline.flagCapacity());
                    maxBuffered = Math.max(maxBuffered, pipeline.bufferedSamples());
                }
                fed += block.length / (double) rate;
            }
            assertTrue(stream.baseline().seconds(SpeechMeasurement.RATE)
                    <= SpeakerBaseline.MEMORY_SECONDS + 1);
        }
        // About 600 / 3 utterances plus the monologue cut into pieces.
        assertTrue(segments > 190, "segments: " + segments);
        // One segment of at most 10 s in 10 ms frames, plus an onset being confirmed.
        assertTrue(maxFrames <= 1_000 + SpeechSegmenter.ONSET_FRAMES, "retained frames: " + maxFrames);
        assertTrue(maxFrames >= 990, "the monologue should have filled a segment: " + maxFrames);
        assertTrue(maxFlags <= 1_024, "flag capacity: " + maxFlags);
        assertTrue(maxBuffered < ProsodyAnalysis.frameSpec(VoiceSettings.DEFAULTS).frameLength(),
                "buffered samples: " + maxBuffered);
    }

    @Test
    void misuseIsReported() {
        VoiceEmotionStream stream = detector.openStream(16_000);
        assertEquals(16_000, stream.sampleRate());
        assertThrows(IllegalArgumentException.class,
                () -> stream.accept(new float[] {0, Float.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> stream.accept(new float[] {Float.POSITIVE_INFINITY}));
        assertEquals(List.of(), stream.accept(new float[0]));
        stream.close();
        stream.close();
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[160]));
        assertThrows(IllegalStateException.class, stream::flush);
        assertThrows(IllegalArgumentException.class, () -> detector.openStream(4_000));
        assertThrows(IllegalArgumentException.class, () -> detector.openStream(400_000));
    }

    @Test
    void rejectedChunkLeavesTheStreamUnchanged() {
        AudioClip clip = conversation(16_000);
        List<VoiceResult> clean = stream(clip, 0.02);
        List<VoiceResult> withRejects = new ArrayList<>();
        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
            float[] samples = clip.samples();
            for (int from = 0; from < samples.length; from += 320) {
                float[] bad = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 320));
                bad[bad.length - 1] = Float.NaN;
                assertThrows(IllegalArgumentException.class, () -> stream.accept(bad));
                withRejects.addAll(stream.accept(
                        Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 320))));
            }
            withRejects.addAll(stream.flush());
        }
        assertEquals(clean, withRejects);
    }
}
