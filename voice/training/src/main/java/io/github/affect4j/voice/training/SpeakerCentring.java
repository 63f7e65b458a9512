package io.github.affect4j.voice.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Centres each speaker's feature vectors on that speaker's mean: {@code x - speakerMean +
 * populationMean}, feature by feature, ignoring NaN. Vectors without a speaker are left as they
 * are. Stateless.
 */
final class SpeakerCentring {

    private SpeakerCentring() {
    }

    static List<LabelledFeatures> centre(List<LabelledFeatures> samples, double[] population) {
        Map<String, List<double[]>> bySpeaker = new HashMap<>();
        for (LabelledFeatures s : samples) {
            s.speaker().ifPresent(id -> bySpeaker.computeIfAbsent(id, x -> new ArrayList<>())
                    .add(s.values()));
        }
        Map<String, double[]> means = new HashMap<>();
        bySpeaker.forEach((id, vectors) -> means.put(id,
                VoiceTrainer.nanMean(vectors, population.length)));
        List<LabelledFeatures> out = new ArrayList<>(samples.size());
        for (LabelledFeatures s : samples) {
            if (s.speaker().isEmpty()) {
                out.add(s);
                continue;
            }
            double[] mean = means.get(s.speaker().get());
            double[] v = s.values().clone();
            for (int j = 0; j < v.length; j++) {
                if (!Double.isNaN(v[j]) && !Double.isNaN(mean[j]) && !Double.isNaN(population[j])) {
                    v[j] = v[j] - mean[j] + population[j];
                }
            }
            out.add(new LabelledFeatures(s.recording(), v, s.speechSeconds()));
        }
        return out;
    }
}
