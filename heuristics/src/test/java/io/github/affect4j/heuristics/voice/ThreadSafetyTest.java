package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.testing.SharedDetectorChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One detector shared by many threads; close() while calls run. */
class ThreadSafetyTest {

    private static List<AudioClip> clips() {
        List<AudioClip> clips = new ArrayList<>();
        clips.add(TestAudio.speech());
        clips.add(TestAudio.resample(TestAudio.resource("us-fox-aroused.wav"), 44_100));
        clips.add(TestAudio.resource("de-zug-calm.wav"));
        clips.add(TestAudio.resample(TestAudio.resource("usf-seven-calm.wav"), 8_000));
        clips.add(AudioClip.of(TestAudio.noise(22_050, 1, 0.01, 7), 22_050));
        return clips;
    }

    @Test
    void sixteenThreadsGetTheSequentialResults() throws Exception {
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS)) {
            List<Callable<?>> calls = new ArrayList<>();
            for (AudioClip clip : clips()) {
                calls.add(() -> detector.analyze(clip));
            }
            SharedDetectorChecks.sameResultsOnManyThreads(16, 1, calls);
        }
    }

    @Test
    void streamsOfOneDetectorAreIndependent() throws Exception {
        AudioClip a = TestAudio.resource("us-fox-aroused.wav");
        AudioClip b = TestAudio.resource("gb-fox-calm.wav");
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS)) {
            VoiceAnalysis expectedA = detector.analyze(a);
            VoiceAnalysis expectedB = detector.analyze(b);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    AudioClip clip = t % 2 == 0 ? a : b;
                    VoiceAnalysis expected = t % 2 == 0 ? expectedA : expectedB;
                    futures.add(pool.submit(() -> {
                        try (VoiceEmotionStream stream = detector.openStream(16_000)) {
                            float[] s = clip.samples();
                            List<io.github.affect4j.VoiceResult> got = new ArrayList<>();
                            for (int from = 0; from < s.length; from += 320) {
                                got.addAll(stream.accept(java.util.Arrays.copyOfRange(s, from,
                                        Math.min(s.length, from + 320))));
                            }
                            got.addAll(stream.flush());
                            return got.equals(expected.segments());
                        }
                    }));
                }
                for (Future<Boolean> f : futures) {
                    assertTrue(f.get(10, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeWhileCallsRunIsSafe() throws Exception {
        AudioClip clip = TestAudio.resource("us-seven-calm.wav");
        ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
        VoiceEmotionStream stream = detector.openStream(16_000);
        SharedDetectorChecks.closeWhileCalling(4, detector, () -> detector.analyze(clip));
        detector.close();
        assertThrows(IllegalStateException.class, () -> detector.analyze(clip));
        assertThrows(IllegalStateException.class, () -> detector.openStream(16_000));
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[160]));
        assertThrows(IllegalStateException.class, stream::flush);
    }

    /**
     * Two threads feeding one stream at once: each call either works or fails at once with an
     * IllegalStateException that says why; nothing else escapes and nothing hangs. Afterwards
     * the stream still serves a single feeder.
     */
    @Test
    void aStreamFedFromTwoThreadsAtOnceFailsClearly() throws Exception {
        float[] samples = TestAudio.resource("us-fox-aroused.wav").samples();
        try (ProsodicVoiceDetector detector = new ProsodicVoiceDetector(VoiceSettings.DEFAULTS);
             VoiceEmotionStream stream = detector.openStream(16_000)) {
            SharedDetectorChecks.twoFeedersAtOnce(stream, samples);
        }
    }
}
