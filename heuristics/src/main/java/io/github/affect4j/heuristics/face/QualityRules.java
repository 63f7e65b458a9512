package io.github.affect4j.heuristics.face;

import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceQuality.Flag;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges whether a face's scores can be trusted. A face with any flag is not assessable.
 *
 * <ul>
 *   <li>{@code SMALL}: shorter box side below the {@code minFaceSize} option (default 40 px);</li>
 *   <li>{@code BLURRY}: variance of the Laplacian of the 128 x 128 face patch below
 *       {@value #MIN_SHARPNESS};</li>
 *   <li>{@code UNDEREXPOSED} / {@code OVEREXPOSED}: mean luminance of the central patch below
 *       {@value #MIN_BRIGHTNESS} / above {@value #MAX_BRIGHTNESS} (0 to 1);</li>
 *   <li>{@code CUT_OFF}: the box, extended to the chin, reaches the image border (the cascade only
 *       finds faces that are nearly whole, but the chin or brow may be cut);</li>
 *   <li>{@code LOW_CONFIDENCE}: detection confidence below {@value Detections#LOW_CONFIDENCE}.</li>
 * </ul>
 * {@code NON_FRONTAL} is never set: the frontal cascade finds few turned faces in the first place,
 * and nothing here measures the head pose.
 */
final class QualityRules {

    static final double MIN_SHARPNESS = 15;
    static final double MIN_BRIGHTNESS = 0.18;
    static final double MAX_BRIGHTNESS = 0.85;

    private QualityRules() {
    }

    /**
     * @param faceSize shorter box side in source pixels
     * @param minFaceSize the configured minimum
     * @param measurement what the cue meter measured
     * @param confidence detection confidence (1 for a caller's crop)
     * @param cutOff whether the box touches the image border
     */
    static FaceQuality assess(int faceSize, int minFaceSize, CueMeter.Measurement measurement,
                              double confidence, boolean cutOff) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (faceSize < minFaceSize) {
            flags.add(Flag.SMALL);
        }
        if (measurement.sharpness() < MIN_SHARPNESS) {
            flags.add(Flag.BLURRY);
        }
        if (measurement.brightness() < MIN_BRIGHTNESS) {
            flags.add(Flag.UNDEREXPOSED);
        }
        if (measurement.brightness() > MAX_BRIGHTNESS) {
            flags.add(Flag.OVEREXPOSED);
        }
        if (cutOff) {
            flags.add(Flag.CUT_OFF);
        }
        if (confidence < Detections.LOW_CONFIDENCE) {
            flags.add(Flag.LOW_CONFIDENCE);
        }
        Map<String, Double> measures = new TreeMap<>(measurement.cues().asMeasures());
        measures.put("faceSize", (double) faceSize);
        measures.put("sharpness", measurement.sharpness());
        measures.put("brightness", measurement.brightness());
        return new FaceQuality(flags.isEmpty(), flags, measures);
    }
}
