package io.github.affect4j.voice.features;

import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceResult;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The acoustic features of one span of speech: a segment, or all speech of a clip.
 *
 * <p>Immutable: {@link #values()} returns a copy.
 */
public final class SpeechFeatures {

    private final double startSeconds;
    private final double endSeconds;
    private final double speechSeconds;
    private final double[] values;
    private final Prosody prosody;
    private final Set<VoiceResult.Flag> flags;
    private final FeatureSet featureSet;
    private final float[] samples;

    SpeechFeatures(double startSeconds, double endSeconds, double speechSeconds, double[] values,
                   Prosody prosody, Set<VoiceResult.Flag> flags, FeatureSet featureSet,
                   float[] samples) {
        this.samples = samples;
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
        this.speechSeconds = speechSeconds;
        this.values = values.clone();
        this.prosody = Objects.requireNonNull(prosody, "prosody");
        EnumSet<VoiceResult.Flag> ordered = EnumSet.noneOf(VoiceResult.Flag.class);
        ordered.addAll(flags);
        this.flags = Collections.unmodifiableSet(ordered);
        this.featureSet = featureSet;
    }

    /** {@return the start of the span, in seconds from the start of the clip or stream} */
    public double startSeconds() {
        return startSeconds;
    }

    /** {@return the end of the span, in seconds} */
    public double endSeconds() {
        return endSeconds;
    }

    /** {@return the seconds of frames judged to be speech within the span} */
    public double speechSeconds() {
        return speechSeconds;
    }

    /**
     * {@return the feature vector in {@link #featureSet()} order, a fresh copy; NaN where
     * unmeasurable}
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The span's audio as the features saw it: DC-free, at 16 kHz, from {@link #startSeconds()}
     * to {@link #endSeconds()} (for a whole clip, its segments one after another). Empty unless
     * the extractor was made with {@link AcousticFeatureExtractor#keepingSamples()}.
     *
     * @return a fresh copy
     */
    public float[] samples() {
        return samples.clone();
    }

    /** @return the number of samples {@link #samples()} would return */
    public int sampleCount() {
        return samples.length;
    }

    /**
     * One feature by name.
     *
     * @param name the feature
     * @return its value, NaN where it could not be measured
     */
    public double value(String name) {
        return values[featureSet.indexOf(name)];
    }

    /** {@return the feature set the values belong to} */
    public FeatureSet featureSet() {
        return featureSet;
    }

    /** {@return the prosody summary reported in {@link VoiceResult}} */
    public Prosody prosody() {
        return prosody;
    }

    /** {@return the problems found in the audio of the span (never {@code NO_SPEECH})} */
    public Set<VoiceResult.Flag> flags() {
        return flags;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpeechFeatures f && f.startSeconds == startSeconds
                && f.endSeconds == endSeconds && f.speechSeconds == speechSeconds
                && Arrays.equals(f.values, values) && f.prosody.equals(prosody)
                && f.flags.equals(flags) && f.featureSet == featureSet;
    }

    @Override
    public int hashCode() {
        return Objects.hash(startSeconds, endSeconds, Arrays.hashCode(values), flags);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "SpeechFeatures[%.2f-%.2f s, %.2f s speech, %d features, flags %s]",
                startSeconds, endSeconds, speechSeconds, values.length, flags);
    }
}
