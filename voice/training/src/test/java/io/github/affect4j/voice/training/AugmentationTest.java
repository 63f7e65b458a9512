package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.AudioClip;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Perturbed copies: lengths, noise levels, reproducibility, parsing; and the feature cache. */
class AugmentationTest {

    @TempDir
    Path dir;

    private static float[] sine(int n, double hz, int rate) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    @Test
    void speedChangesLengthAndFrequencyByTheFactor() {
        float[] x = sine(16_000, 200, 16_000);
        float[] fast = Augmentation.speed(x, 1.25);
        assertEquals(12_800, fast.length);
        // Sample i of the copy is sample 1.25 i of the original: 200 Hz becomes 250 Hz.
        for (int i = 0; i < 100; i++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 250 * i / 16_000.0), fast[i], 2e-3);
        }
        assertEquals(20_000, Augmentation.speed(x, 0.8).length, 1);
    }

    @Test
    void noiseHasTheRequestedPowerAndIsReproducible() {
        float[] x = sine(48_000, 300, 16_000);
        float[] noisy = Augmentation.noise(x, 10, 7);
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < x.length; i++) {
            signal += x[i] * x[i];
            noise += (noisy[i] - x[i]) * (noisy[i] - x[i]);
        }
        assertEquals(10, 10 * Math.log10(signal / noise), 0.1);
        assertArrayEquals(noisy, Augmentation.noise(x, 10, 7));
        assertTrue(noisy[5] != Augmentation.noise(x, 10, 8)[5]);
    }

    @Test
    void parsesAndNamesVariants() {
        Augmentation a = Augmentation.parse("speed=0.9:1.1,noise=20:10");
        assertEquals(List.of("speed0.9", "speed1.1", "noise20dB", "noise10dB"), a.variants());
        List<AudioClip> copies = a.apply(AudioClip.of(sine(1600, 200, 16_000), 16_000), 3);
        assertEquals(4, copies.size());
        assertEquals(1777, copies.get(0).length()); // floor(1599 / 0.9) + 1
        assertTrue(Augmentation.parse("none").isNone());
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("speed=1"));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("pitch=2"));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("noise=loud"));
    }

    @Test
    void cacheRoundTripsVectorsExactly() throws Exception {
        Path file = dir.resolve("features.cache");
        FeatureCache cache = FeatureCache.open(file);
        double[] v = {1.0 / 3, Double.NaN, -2.5e-12, 0};
        cache.put("k1", new FeatureCache.Entry(2.25, v));
        cache.put("k2", new FeatureCache.Entry(-1, null));
        FeatureCache again = FeatureCache.open(file);
        assertArrayEquals(v, again.get("k1").orElseThrow().values().orElseThrow());
        assertEquals(2.25, again.get("k1").orElseThrow().speechSeconds());
        assertTrue(again.get("k2").orElseThrow().values().isEmpty());
        assertTrue(again.get("k3").isEmpty());
    }

    @Test
    void cachedExtractionGivesTheSameVectors() throws Exception {
        List<LabelledRecording> some = SyntheticCorpus.corpus().recordings().subList(0, 4);
        FeatureCache cache = FeatureCache.open(dir.resolve("c"));
        List<List<LabelledFeatures>> first = VoiceTrainer.extract(some, 2, cache,
                Augmentation.parse("noise=20"), r -> { });
        List<List<LabelledFeatures>> second = VoiceTrainer.extract(some, 2,
                FeatureCache.open(dir.resolve("c")), Augmentation.parse("noise=20"), r -> { });
        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(first.get(v).get(i).values(), second.get(v).get(i).values());
            }
        }
        assertArrayEquals(SyntheticCorpus.features().get(0).values(), first.get(0).get(0).values());
    }
}
