package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.affect4j.voice.features.FeatureSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Feature exclusion and the cut-off of standardised features. */
class TrainerOptionsTest {

    @Test
    void excludedFeaturesAreNotModelInputs() {
        TrainedVoiceModel model = VoiceTrainer.builder()
                .exclude(Pattern.compile("mfcc\\d+\\.delta\\.stddev")).build()
                .train(SyntheticCorpus.features()).model();
        assertEquals(FeatureSet.current().size() - 13, model.card().features().size());
        assertFalse(model.card().features().stream().anyMatch(f -> f.contains("delta")));
        assertEquals("mfcc\\d+\\.delta\\.stddev", model.card().training().get("exclude"));
    }

    @Test
    void valuesBeyondTheLimitReadAsTheLimit() {
        TrainedVoiceModel model = VoiceTrainer.builder().limit(2).build()
                .train(SyntheticCorpus.features()).model();
        double[] v = SyntheticCorpus.features().get(0).values().clone();
        int f0 = FeatureSet.current().indexOf("f0.mean");
        int at = model.card().features().indexOf("f0.mean");
        double mean = model.card().impute().get(at);
        // Far beyond 2 standard deviations in either direction: saturated, so equal to each
        // other at +-1000 and +-100 of the feature's units.
        v[f0] = mean + 1000;
        double[] far = model.probabilities(v);
        v[f0] = mean + 100;
        assertArrayEquals(far, model.probabilities(v), 1e-12);
        v[f0] = mean - 1000;
        double[] low = model.probabilities(v);
        assertFalse(java.util.Arrays.equals(far, low));
        assertEquals("2.0", model.card().training().get("limit"));
        assertThrows(IllegalArgumentException.class, () -> VoiceTrainer.builder().limit(0.5)
                .build());
    }
}
