package io.github.affect4j.voice.training;

import io.github.affect4j.voice.fixtures.TestClips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The synthetic corpus's features, extracted once per test JVM. */
final class SyntheticCorpus {

    private static List<LabelledFeatures> features;
    private static VoiceCorpus corpus;

    private SyntheticCorpus() {
    }

    static synchronized VoiceCorpus corpus() {
        if (corpus == null) {
            try {
                corpus = VoiceCorpus.scan(TestClips.syntheticDir(), LabelScheme.AUTO, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return corpus;
    }

    static synchronized List<LabelledFeatures> features() {
        if (features == null) {
            try {
                features = VoiceTrainer.extract(corpus().recordings(), 2, reason -> {
                    throw new AssertionError("skipped a synthetic clip: " + reason);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return features;
    }
}
