package io.github.affect4j.voice.features;

import java.util.Locale;

/**
 * The energy thresholds and timing rules of {@link SpeechSegmenter}.
 *
 * @param startDb how far above the adaptive noise floor a frame's energy must rise to start
 *     speech; speech continues through frames {@value #HYSTERESIS_DB} dB less than that
 * @param pauseSeconds silence that ends a segment
 * @param minSegmentSeconds shorter segments are dropped as clicks or bumps
 * @param maxSegmentSeconds longer speech is cut into segments of this length
 */
public record SegmenterSettings(double startDb, double pauseSeconds, double minSegmentSeconds,
                                double maxSegmentSeconds) {

    /** How far below the start threshold speech continues, in dB. */
    public static final double HYSTERESIS_DB = 4;

    /** 10 dB, 0.3 s pause, segments 0.2 to 10 s: the {@link FeatureSet} vectors' segmentation. */
    public static final SegmenterSettings DEFAULTS = new SegmenterSettings(10, 0.3, 0.2, 10);

    /**
     * @param startDb how far above the adaptive noise floor a frame's energy must rise to start
     * @param pauseSeconds silence that ends a segment
     * @param minSegmentSeconds shorter segments are dropped as clicks or bumps
     * @param maxSegmentSeconds longer speech is cut into segments of this length
     * @throws IllegalArgumentException naming the offending value
     */
    public SegmenterSettings {
        if (!(startDb > 0) || !(pauseSeconds >= FrameSpec.HOP_SECONDS)
                || !(minSegmentSeconds >= FrameSpec.HOP_SECONDS)
                || !(maxSegmentSeconds > minSegmentSeconds)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "segmenter settings need start > 0 dB, pause and minimum of 10 ms or more "
                    + "and maximum above minimum; got start %s dB, pause %s s, segments %s-%s s",
                    startDb, pauseSeconds, minSegmentSeconds, maxSegmentSeconds));
        }
    }

    /** @return the continuation threshold above the floor, in dB */
    public double continueDb() {
        return startDb - HYSTERESIS_DB;
    }
}
