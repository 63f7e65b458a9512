package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.fixtures.TestClips;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole path: a model trained by the trainer, loaded through discovery, run on audio. */
class OnnxVoiceDetectorTest {

    private static VoiceEmotionDetector detector;

    @BeforeAll
    static void load() {
        detector = EmotionDetectors.voiceBuilder()
                .option("model", FixtureModels.syntheticModel().toString()).build();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void isTheOnnxDetectorWithItsModel() {
        assertEquals("onnx", detector.info().providerId());
        assertTrue(detector.info().model().startsWith("synthetic.onnx (sha256 "),
                detector.info().model());
    }

    @Test
    void readsTheSyntheticClassesItWasTrainedOn() {
        String[][] expected = {{"01", "neutral"}, {"03", "happiness"}, {"04", "sadness"},
            {"05", "anger"}};
        int right = 0;
        for (String[] e : expected) {
            for (String actor : new String[] {"01", "02", "03", "04", "05"}) {
                VoiceAnalysis a = detector.analyze(TestClips.synthetic(
                        "03-01-" + e[0] + "-01-01-01-" + actor + ".wav"));
                if (a.affect().orElseThrow().scores().dominant() == Emotion.parse(e[1])) {
                    right++;
                }
            }
        }
        // The summary is not speaker-centred (one clip has no baseline): most, not all.
        assertTrue(right >= 14, right + " of 20");
    }

    @Test
    void realSpeechRunsThroughTheWholePath() {
        AudioClip clip = TestClips.speech();
        VoiceAnalysis a = detector.analyze(clip);
        VoiceResult summary = a.summary();
        assertTrue(summary.hasSpeech(), summary.toString());
        assertTrue(summary.flags().isEmpty(), summary.flags().toString());
        assertEquals(clip.durationSeconds(), summary.endSeconds(), 1e-9);
        assertTrue(summary.speechRatio() > 0.6 && summary.speechRatio() <= 1, summary.toString());
        assertTrue(summary.prosody().pitchMedianHz() > 70 && summary.prosody().pitchMedianHz() < 160,
                summary.prosody().toString());
        assertFalse(a.segments().isEmpty());
        double total = Arrays.stream(summary.affect().orElseThrow().scores().toArray()).sum();
        assertEquals(1, total, 1e-9);
        assertEquals("onnx", a.detector().providerId());
    }

    @Test
    void silenceGivesNoSpeechAndNoAffect() {
        VoiceAnalysis a = detector.analyze(AudioClip.of(new float[16_000], 16_000));
        assertFalse(a.summary().hasSpeech());
        assertTrue(a.summary().flags().contains(VoiceResult.Flag.NO_SPEECH));
        assertTrue(a.segments().isEmpty());
    }

    @Test
    void streamingIn20MillisecondChunksGivesTheSegments() {
        AudioClip a = TestClips.synthetic("03-01-05-01-01-01-03.wav");
        float[] pause = new float[8_000];
        AudioClip clip = AudioClip.of(TestClips.concat(a.samples(), pause,
                TestClips.speech().samples(), pause, a.samples()), 16_000);
        int expected = detector.analyze(clip).segments().size();
        List<VoiceResult> results = new ArrayList<>();
        float[] s = clip.samples();
        long worst = 0;
        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
            for (int from = 0; from < s.length; from += 320) {
                long t0 = System.nanoTime();
                results.addAll(stream.accept(Arrays.copyOfRange(s, from,
                        Math.min(s.length, from + 320))));
                worst = Math.max(worst, System.nanoTime() - t0);
            }
            results.addAll(stream.flush());
        }
        assertEquals(expected, results.size());
        results.forEach(r -> assertTrue(r.hasSpeech()));
        System.out.printf("stream: %d segments, slowest 20 ms chunk %.2f ms%n", results.size(),
                worst / 1e6);
    }

    @Test
    void isSharedSafelyByThreads() throws Exception {
        AudioClip clip = TestClips.synthetic("03-01-03-01-02-01-04.wav");
        VoiceAnalysis reference = detector.analyze(clip);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<VoiceAnalysis>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                futures.add(pool.submit(() -> detector.analyze(clip)));
            }
            for (Future<VoiceAnalysis> f : futures) {
                assertEquals(reference, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void closedDetectorRefusesCalls() {
        VoiceEmotionDetector own = EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", FixtureModels.syntheticModel().toString()).build();
        VoiceEmotionStream stream = own.openStream(16_000);
        own.close();
        own.close();
        assertThrows(IllegalStateException.class,
                () -> own.analyze(AudioClip.of(new float[1600], 16_000)));
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[320]));
        assertThrows(IllegalArgumentException.class, () -> detector.openStream(4_000));
    }
}
