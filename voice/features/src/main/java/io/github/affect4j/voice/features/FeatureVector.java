package io.github.affect4j.voice.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one vector of a {@link FeatureSet} by feature name, so that the order of the code that
 * computes the features cannot change the order of the vector: each value lands at the index its
 * name has in the set, a name outside the set or given twice fails at once, and
 * {@link #values()} fails unless every feature was given. Not thread-safe.
 */
final class FeatureVector {

    private final FeatureSet featureSet;
    private final double[] values;
    private final boolean[] given;

    FeatureVector(FeatureSet featureSet) {
        this.featureSet = featureSet;
        this.values = new double[featureSet.size()];
        this.given = new boolean[featureSet.size()];
    }

    /**
     * Sets one feature.
     *
     * @throws IllegalArgumentException if the name is not in the set
     * @throws IllegalStateException if the feature was already given
     */
    FeatureVector put(String name, double value) {
        int i = featureSet.indexOf(name);
        if (given[i]) {
            throw new IllegalStateException("feature '" + name + "' given twice");
        }
        given[i] = true;
        values[i] = value;
        return this;
    }

    /** A feature given before. */
    double get(String name) {
        int i = featureSet.indexOf(name);
        if (!given[i]) {
            throw new IllegalStateException("feature '" + name + "' not given yet");
        }
        return values[i];
    }

    /**
     * The vector in the set's order, a fresh array.
     *
     * @throws IllegalStateException naming the features not given
     */
    double[] values() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            if (!given[i]) {
                missing.add(featureSet.features().get(i).name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("features of " + featureSet.version()
                    + " not computed: " + missing);
        }
        return values.clone();
    }
}
