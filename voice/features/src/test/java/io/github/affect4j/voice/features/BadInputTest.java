package io.github.affect4j.voice.features;

import io.github.affect4j.voice.fixtures.TestClips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.VoiceResult.Flag;
import io.github.affect4j.media.AudioClip;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Silence, clipping, DC offset, short clips, other rates and stereo. */
class BadInputTest {

    private final AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
    private final AudioClip clip = TestClips.synthetic("03-01-01-01-01-01-01.wav");

    @Test
    void silenceIsNoSpeechNotAGuess() {
        ClipFeatures f = extractor.extract(AudioClip.of(new float[32_000], 16_000));
        assertFalse(f.hasSpeech());
        assertTrue(f.segments().isEmpty());
        assertTrue(f.flags().contains(Flag.NO_SPEECH), f.flags().toString());
        assertTrue(f.flags().contains(Flag.LOW_LEVEL), f.flags().toString());
    }

    @Test
    void quietNoiseIsNoSpeech() {
        Random random = new Random(7);
        float[] noise = new float[48_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.01);
        }
        ClipFeatures f = extractor.extract(AudioClip.of(noise, 16_000));
        assertFalse(f.hasSpeech(), f.toString());
        assertTrue(f.flags().contains(Flag.NO_SPEECH));
    }

    @Test
    void clippingIsFlagged() {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(-1, Math.min(1, s[i] * 8));
        }
        ClipFeatures f = extractor.extract(AudioClip.of(s, 16_000));
        assertTrue(f.hasSpeech());
        assertTrue(f.flags().contains(Flag.CLIPPED), f.flags().toString());
        assertFalse(extractor.extract(clip).flags().contains(Flag.CLIPPED));
    }

    @Test
    void dcOffsetIsFlaggedAndRemoved() {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] += 0.2f;
        }
        ClipFeatures f = extractor.extract(AudioClip.of(s, 16_000));
        assertTrue(f.flags().contains(Flag.DC_OFFSET), f.flags().toString());
        double[] clean = extractor.extract(clip).speech().orElseThrow().values();
        double[] offset = f.speech().orElseThrow().values();
        assertEquals(clean[FeatureSet.current().indexOf("f0.p50")],
                offset[FeatureSet.current().indexOf("f0.p50")], 0.1);
        assertEquals(clean[FeatureSet.current().indexOf("mfcc1.mean")],
                offset[FeatureSet.current().indexOf("mfcc1.mean")], 0.5);
    }

    @Test
    void clipsShorterThanHalfASecondAreFlagged() {
        // 0.4 s from the middle of a word.
        AudioClip shortClip = clip.slice(8_000, 14_400);
        ClipFeatures f = extractor.extract(shortClip);
        assertTrue(f.flags().contains(Flag.TOO_SHORT), f.flags().toString());
        ClipFeatures tiny = extractor.extract(AudioClip.of(new float[80], 16_000));
        assertTrue(tiny.flags().contains(Flag.NO_SPEECH));
        assertTrue(tiny.flags().contains(Flag.TOO_SHORT));
    }

    @Test
    void ratesFrom8To48KilohertzGiveNearlyTheSameProsody() {
        double[] reference = extractor.extract(clip).speech().orElseThrow().values();
        FeatureSet set = FeatureSet.current();
        for (int rate : new int[] {8_000, 11_025, 22_050, 44_100, 48_000}) {
            ClipFeatures f = extractor.extract(TestClips.resample(clip, rate));
            assertTrue(f.hasSpeech(), "no speech at " + rate);
            double[] v = f.speech().get().values();
            assertEquals(reference[set.indexOf("f0.p50")], v[set.indexOf("f0.p50")], 0.5,
                    "median F0 at " + rate);
            assertEquals(reference[set.indexOf("voicing.ratio")], v[set.indexOf("voicing.ratio")],
                    0.1, "voicing at " + rate);
            // At 8 kHz the band above 3.6 kHz is gone, which pulls the centroid down a little.
            System.out.printf("rate %d: f0 %.2f voicing %.3f centroid %.0f mfcc1 %.2f%n", rate,
                    v[set.indexOf("f0.p50")], v[set.indexOf("voicing.ratio")],
                    v[set.indexOf("spectrum.centroid.mean")], v[set.indexOf("mfcc1.mean")]);
            assertEquals(reference[set.indexOf("spectrum.centroid.mean")],
                    v[set.indexOf("spectrum.centroid.mean")], rate == 8_000 ? 200 : 60,
                    "centroid at " + rate);
        }
    }

    @Test
    void stereoIsMixedDownByTheClip() {
        float[] mono = clip.samples();
        float[] stereo = new float[2 * mono.length];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        assertEquals(extractor.extract(clip), extractor.extract(
                AudioClip.ofInterleaved(stereo, 2, 16_000)));
    }

    @Test
    void badStreamInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> extractor.openStream(4_000));
        FeatureStream stream = extractor.openStream(16_000);
        assertThrows(IllegalArgumentException.class,
                () -> stream.accept(new float[] {0, Float.NaN}));
    }
}
