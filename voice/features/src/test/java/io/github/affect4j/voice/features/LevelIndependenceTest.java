package io.github.affect4j.voice.features;

import io.github.affect4j.voice.fixtures.TestClips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.media.AudioClip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feature vector does not depend on the recording level. */
class LevelIndependenceTest {

    private final AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();

    @Test
    void syntheticClipScaledByATenthOrThreeGivesTheSameVector() {
        assertSameAtGains(TestClips.synthetic("03-01-05-01-01-01-02.wav"));
    }

    @Test
    void realSpeechScaledByATenthOrThreeGivesTheSameVector() {
        assertSameAtGains(TestClips.speech());
    }

    private void assertSameAtGains(AudioClip clip) {
        double[] reference = extractor.extract(clip).speech().orElseThrow().values();
        List<String> names = extractor.featureSet().names();
        for (double gain : new double[] {0.1, 3.0}) {
            double[] scaled = extractor.extract(TestClips.scaled(clip, gain)).speech()
                    .orElseThrow().values();
            for (int i = 0; i < reference.length; i++) {
                double tolerance = 1e-3 * Math.max(1, Math.abs(reference[i]));
                assertEquals(reference[i], scaled[i], tolerance,
                        names.get(i) + " at gain " + gain);
            }
        }
    }

    @Test
    void everyFeatureIsNamedDocumentedAndMeasuredOnSpeech() {
        FeatureSet set = FeatureSet.current();
        assertEquals(FeatureSet.V2, set.version());
        assertEquals(107, set.size());
        assertTrue(set.names().stream().noneMatch(n -> n.equals("mfcc0.mean")),
                "the mean of MFCC 0 is the recording level");
        double[] v = extractor.extract(TestClips.speech()).speech().orElseThrow().values();
        for (int i = 0; i < v.length; i++) {
            assertTrue(Double.isFinite(v[i]), set.names().get(i) + " = " + v[i]);
            assertTrue(!set.features().get(i).description().isBlank());
        }
    }

    @Test
    void versionTwoKeepsEveryVersionOneFeatureWithItsDefinitionAndPosition() {
        FeatureSet v1 = FeatureSet.forVersion(FeatureSet.V1);
        FeatureSet v2 = FeatureSet.forVersion(FeatureSet.V2);
        assertEquals(71, v1.size());
        assertTrue(v2.includes(v1));
        assertTrue(!v1.includes(v2));
        assertEquals(v1.features(), v2.features().subList(0, v1.size()));
        assertEquals(FeatureSet.current(), v2);
    }
}
