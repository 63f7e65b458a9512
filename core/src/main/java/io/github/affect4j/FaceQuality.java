package io.github.affect4j;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How fit a detected face is for emotion analysis.
 *
 * <p>A face that is not {@link #assessable()} still carries scores, but they should not be
 * trusted: the detector judged the face too small, too blurred, too dark or bright, or too far
 * turned away, or its own scores too unsure (see {@link #flags()}). The thresholds are
 * documented by each implementation.
 *
 * @param assessable whether the scores may be trusted
 * @param flags the problems found; empty for a good face. Iterated in the order the flags are
 *     declared in {@link Flag}, so logs and reports list them the same way every time
 * @param measures named measurements behind the flags, for example {@code "faceSize"} (shorter
 *     box side in pixels), {@code "sharpness"}, {@code "brightness"} (mean luminance, 0 to 1),
 *     {@code "yawDegrees"}; which ones are present depends on the implementation
 */
public record FaceQuality(boolean assessable, Set<Flag> flags, Map<String, Double> measures) {

    /** Problems that lower confidence in a face's scores. */
    public enum Flag {
        /** The face is smaller than the implementation's minimum size. */
        SMALL,
        /** The face region lacks fine detail (out of focus or motion blur). */
        BLURRY,
        /** The face region is too dark. */
        UNDEREXPOSED,
        /** The face region is too bright. */
        OVEREXPOSED,
        /** The face is cut by the image border. */
        CUT_OFF,
        /** The head is turned or tilted far from frontal. */
        NON_FRONTAL,
        /** The detector itself is unsure this is a face. */
        LOW_CONFIDENCE,
        /**
         * The emotion scores themselves are unsure: the (calibrated) probability of the dominant
         * emotion is below the implementation's threshold, where predictions were measured to be
         * right far less often than elsewhere.
         */
        UNCERTAIN
    }

    /**
     * Copies the collections: flags into declaration order, measures sorted by name.
     *
     * @param assessable whether the scores may be trusted
     * @param flags the problems found
     * @param measures named measurements behind the flags
     * @throws NullPointerException if a collection, a flag or a measure name is null
     */
    public FaceQuality {
        EnumSet<Flag> ordered = EnumSet.noneOf(Flag.class);
        ordered.addAll(flags);
        flags = Collections.unmodifiableSet(ordered);
        measures = Collections.unmodifiableMap(new TreeMap<>(measures));
    }

    /** {@return a quality with no flags and no measures} */
    public static FaceQuality good() {
        return new FaceQuality(true, Set.of(), Map.of());
    }
}
