package io.github.affect4j.heuristics.voice;

import io.github.affect4j.spi.DetectorConfig;
import java.util.Locale;

/**
 * The validated, frozen options of the rule-based voice detector. Names and meanings are
 * documented on {@link HeuristicVoiceProvider}.
 */
record VoiceSettings(double vadThresholdDb, double pauseSeconds, double minSegmentSeconds,
                     double maxSegmentSeconds, double minSpeechSeconds, double baselineWeight,
                     double pitchMinHz, double pitchMaxHz) {

    static final String VAD_THRESHOLD_DB = "vadThresholdDb";
    static final String PAUSE_SECONDS = "pauseSeconds";
    static final String MIN_SEGMENT_SECONDS = "minSegmentSeconds";
    static final String MAX_SEGMENT_SECONDS = "maxSegmentSeconds";
    static final String MIN_SPEECH_SECONDS = "minSpeechSeconds";
    static final String BASELINE_WEIGHT = "baselineWeight";
    static final String PITCH_MIN_HZ = "pitchMinHz";
    static final String PITCH_MAX_HZ = "pitchMaxHz";

    static final VoiceSettings DEFAULTS =
            new VoiceSettings(10, 0.3, 0.2, 10, 0.5, 0.6, 60, 600);

    /** @throws IllegalArgumentException naming the option and its value when one is out of range */
    VoiceSettings {
        check(VAD_THRESHOLD_DB, vadThresholdDb, 3, 40, "dB");
        check(PAUSE_SECONDS, pauseSeconds, 0.05, 5, "s");
        check(MIN_SEGMENT_SECONDS, minSegmentSeconds, 0.05, 5, "s");
        check(MAX_SEGMENT_SECONDS, maxSegmentSeconds, 1, 60, "s");
        check(MIN_SPEECH_SECONDS, minSpeechSeconds, 0, 10, "s");
        check(BASELINE_WEIGHT, baselineWeight, 0, 1, "");
        // The 40 ms analysis frame holds two periods down to 50 Hz; YIN needs both.
        check(PITCH_MIN_HZ, pitchMinHz, 55, 250, "Hz");
        check(PITCH_MAX_HZ, pitchMaxHz, 250, 1000, "Hz");
        if (minSegmentSeconds >= maxSegmentSeconds) {
            throw new IllegalArgumentException("option " + MIN_SEGMENT_SECONDS + " ("
                    + minSegmentSeconds + ") must be below " + MAX_SEGMENT_SECONDS + " ("
                    + maxSegmentSeconds + ")");
        }
    }

    /**
     * Reads the options, falling back to the defaults for absent ones.
     *
     * @throws IllegalArgumentException if a value does not parse or is out of range
     */
    static VoiceSettings from(DetectorConfig config) {
        return new VoiceSettings(
                config.getDouble(VAD_THRESHOLD_DB, DEFAULTS.vadThresholdDb),
                config.getDouble(PAUSE_SECONDS, DEFAULTS.pauseSeconds),
                config.getDouble(MIN_SEGMENT_SECONDS, DEFAULTS.minSegmentSeconds),
                config.getDouble(MAX_SEGMENT_SECONDS, DEFAULTS.maxSegmentSeconds),
                config.getDouble(MIN_SPEECH_SECONDS, DEFAULTS.minSpeechSeconds),
                config.getDouble(BASELINE_WEIGHT, DEFAULTS.baselineWeight),
                config.getDouble(PITCH_MIN_HZ, DEFAULTS.pitchMinHz),
                config.getDouble(PITCH_MAX_HZ, DEFAULTS.pitchMaxHz));
    }

    private static void check(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "option %s must be between %s and %s%s, got %s", name, plain(min), plain(max),
                    unit.isEmpty() ? "" : " " + unit, plain(value)));
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value) : Double.toString(value);
    }
}
