package io.github.affect4j.heuristics.voice;

import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.OptionSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** The options the heuristic voice provider declares; ranges as checked below. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.decimal(VAD_THRESHOLD_DB, 3, 40, DEFAULTS.vadThresholdDb, "dB above the"
                    + " adaptive noise floor that starts speech; lower finds softer speech and"
                    + " more noise"),
            OptionSpec.decimal(PAUSE_SECONDS, 0.05, 5, DEFAULTS.pauseSeconds, "seconds of silence"
                    + " that end a speech segment (and delay a stream's report)"),
            OptionSpec.decimal(MIN_SEGMENT_SECONDS, 0.05, 5, DEFAULTS.minSegmentSeconds,
                    "shorter segments, in seconds, are dropped as clicks; below"
                    + " maxSegmentSeconds"),
            OptionSpec.decimal(MAX_SEGMENT_SECONDS, 1, 60, DEFAULTS.maxSegmentSeconds,
                    "longer speech is cut into segments of this many seconds"),
            OptionSpec.decimal(MIN_SPEECH_SECONDS, 0, 10, DEFAULTS.minSpeechSeconds,
                    "less speech than this many seconds is flagged TOO_SHORT"),
            OptionSpec.decimal(BASELINE_WEIGHT, 0, 1, DEFAULTS.baselineWeight, "how far segments"
                    + " are judged against the speaker's own baseline; 0 turns it off"),
            OptionSpec.decimal(PITCH_MIN_HZ, 55, 250, DEFAULTS.pitchMinHz, "lowest pitch"
                    + " searched, Hz; below pitchMaxHz"),
            OptionSpec.decimal(PITCH_MAX_HZ, 250, 1000, DEFAULTS.pitchMaxHz, "highest pitch"
                    + " searched, Hz"));

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
        if (pitchMinHz >= pitchMaxHz) {
            throw new IllegalArgumentException("option " + PITCH_MIN_HZ + " (" + plain(pitchMinHz)
                    + ") must be below " + PITCH_MAX_HZ + " (" + plain(pitchMaxHz) + ")");
        }
        if (minSegmentSeconds >= maxSegmentSeconds) {
            throw new IllegalArgumentException("option " + MIN_SEGMENT_SECONDS + " ("
                    + plain(minSegmentSeconds) + ") must be below " + MAX_SEGMENT_SECONDS + " ("
                    + plain(maxSegmentSeconds) + ")");
        }
    }

    /**
     * Reads the options, falling back to the declared defaults for absent ones.
     *
     * @param config options checked against {@link #OPTIONS}
     * @throws IllegalArgumentException if pitchMinHz is not below pitchMaxHz or
     *     minSegmentSeconds not below maxSegmentSeconds
     */
    static VoiceSettings from(DetectorConfig config) {
        return new VoiceSettings(
                config.getDouble(VAD_THRESHOLD_DB),
                config.getDouble(PAUSE_SECONDS),
                config.getDouble(MIN_SEGMENT_SECONDS),
                config.getDouble(MAX_SEGMENT_SECONDS),
                config.getDouble(MIN_SPEECH_SECONDS),
                config.getDouble(BASELINE_WEIGHT),
                config.getDouble(PITCH_MIN_HZ),
                config.getDouble(PITCH_MAX_HZ));
    }

    /**
     * Reads options given by name (tests).
     *
     * @throws io.github.affect4j.InvalidOptionException if a name is unknown or a value out of
     *     range
     * @throws IllegalArgumentException if two options contradict each other
     */
    static VoiceSettings from(Map<String, String> options) {
        return from(DetectorConfig.of(OPTIONS, options));
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
