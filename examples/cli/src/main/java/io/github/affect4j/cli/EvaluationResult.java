package io.github.affect4j.cli;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Emotion;
import io.github.affect4j.evaluation.ConfusionMatrix;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code evaluate} found over one labelled dataset of one kind.
 *
 * @param source the folder or CSV file evaluated
 * @param kind what the samples are
 * @param detector the detector used; null when no file was recognised, so none was made
 * @param matrix true against predicted emotions; samples without speech are its
 *     no-prediction count
 * @param detectorNanos total wall time of the detector calls
 * @param timedSamples samples that reached the detector
 * @param wholeImageFallbacks images for which the detector returned no face, classified whole
 * @param imagePaths images per way they were read (every {@link ImagePath}, zero included;
 *     empty for audio)
 * @param notAssessable faces judged not assessable, counted with their most probable label
 * @param errors files that could not be read, decoded or analysed
 * @param unmappedLabels files left out per label that maps to no emotion
 * @param unlabelled files left out for having no label
 * @param neverScored emotions no sample gave a probability above 0: the detector cannot predict
 *     them (the bundled face models have no contempt); empty when no sample was scored
 */
record EvaluationResult(String source, Kind kind, DetectorInfo detector, ConfusionMatrix matrix,
                        long detectorNanos, int timedSamples, int wholeImageFallbacks,
                        Map<ImagePath, Integer> imagePaths, int notAssessable, int errors, Map<String, Integer> unmappedLabels,
                        int unlabelled, Set<Emotion> neverScored) {

    /** The kinds of sample, each evaluated with its own detector. */
    enum Kind {
        IMAGE("image", "images"),
        AUDIO("audio", "clips");

        final String label;
        final String plural;

        Kind(String label, String plural) {
            this.label = label;
            this.plural = plural;
        }
    }

    EvaluationResult {
        unmappedLabels = Collections.unmodifiableMap(new TreeMap<>(unmappedLabels));
        imagePaths = imagePaths.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(imagePaths));
        neverScored = neverScored.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(neverScored));
    }

    /** Mean wall time of the detector calls per sample, in milliseconds; NaN without any. */
    double msPerSample() {
        return timedSamples == 0 ? Double.NaN : detectorNanos / 1e6 / timedSamples;
    }

    /** Samples for which the voice detector found no speech. */
    long noSpeech() {
        return matrix.noPrediction();
    }
}
