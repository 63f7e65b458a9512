package io.github.affect4j.voice.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned list of named acoustic features: the columns of the vectors
 * {@link AcousticFeatureExtractor} produces and the inputs of the voice classifiers trained on
 * them. A model card names the feature set version its model was trained on; a model is only
 * run on vectors of that version.
 *
 * <h2>Version {@value #V1} (71 features)</h2>
 *
 * In the spirit of eGeMAPS (Eyben et al., 2016), computed on 32 ms frames every 10 ms of 16 kHz
 * audio, over the speech frames of a span (see {@link AcousticFeatureExtractor}). Spectral
 * measures use 50-4000 Hz only, so every input rate from 8 kHz gives the same measures.
 *
 * <p><b>Nothing depends on the recording level</b>: there is no absolute loudness, energy, RMS
 * or mean of MFCC 0. Loudness enters as its dynamics (spread, peaks, slopes, in dB, which a gain
 * leaves unchanged); MFCC 1-12 are unchanged by a gain because a gain adds the same number of dB
 * to every mel band and the DCT puts that constant in MFCC 0 alone. Scaling a clip by 0.1 or 3
 * leaves the vector unchanged up to rounding (tested).
 *
 * <table>
 *   <caption>Features of version 1</caption>
 *   <tr><th>name</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>f0.mean, f0.stddev</td><td>semitones</td><td>F0 (YIN, cleaned of octave jumps and
 *       runs under 30 ms) in semitones re 27.5 Hz, mean and standard deviation over voiced
 *       speech frames</td></tr>
 *   <tr><td>f0.p20, f0.p50, f0.p80, f0.range</td><td>semitones</td><td>20th, 50th, 80th
 *       percentiles and the 20-80 range</td></tr>
 *   <tr><td>f0.rising.slope, f0.falling.slope</td><td>semitones/s</td><td>mean slope of the
 *       rising and of the falling parts of the F0 contour (monotonic stretches of voiced
 *       runs)</td></tr>
 *   <tr><td>f0.jitterLike</td><td>ratio</td><td>mean absolute F0 change between consecutive
 *       voiced frames relative to F0: a frame-level stand-in for cycle jitter</td></tr>
 *   <tr><td>voicing.ratio</td><td>ratio</td><td>voiced frames per speech frame</td></tr>
 *   <tr><td>voicing.runsPerSecond, voicing.runSeconds, voicing.unvoicedRunSeconds</td><td>1/s,
 *       s, s</td><td>voiced stretches per second of speech, their mean length, and the mean
 *       length of the unvoiced stretches between them</td></tr>
 *   <tr><td>hnr.mean, hnr.stddev</td><td>dB</td><td>harmonics-to-noise ratio from YIN's
 *       periodicity p as 10 log10(p / (1 - p)), clamped to [-10, 30] dB, over voiced
 *       frames</td></tr>
 *   <tr><td>shimmerLike</td><td>dB</td><td>mean absolute energy change between consecutive
 *       voiced frames: a frame-level stand-in for shimmer</td></tr>
 *   <tr><td>loudness.stddev, loudness.range, loudness.peakToMedian</td><td>dB</td><td>spread of
 *       the 50-4000 Hz frame energy over speech frames: standard deviation, 20-80 percentile
 *       range, 95th minus 50th percentile</td></tr>
 *   <tr><td>loudness.rising.slope, loudness.falling.slope</td><td>dB/s</td><td>mean slope of the
 *       rising and falling parts of the energy contour (smoothed over 50 ms)</td></tr>
 *   <tr><td>rhythm.speakingRate</td><td>1/s</td><td>energy peaks near voicing (syllable
 *       nuclei, after de Jong and Wempe 2009) per second of speech</td></tr>
 *   <tr><td>rhythm.pauseRatio</td><td>ratio</td><td>pause frames inside the speech segments per
 *       segment frame</td></tr>
 *   <tr><td>spectrum.alphaRatio.mean, .stddev</td><td>dB</td><td>power 1-4 kHz relative to
 *       50-1000 Hz, over voiced frames</td></tr>
 *   <tr><td>spectrum.hammarberg.mean</td><td>dB</td><td>strongest bin 0-2 kHz minus strongest
 *       bin 2-4 kHz, voiced frames</td></tr>
 *   <tr><td>spectrum.slope0to500.mean, spectrum.slope500to1500.mean</td><td>dB/kHz</td><td>slope
 *       of the log power spectrum, voiced frames</td></tr>
 *   <tr><td>spectrum.centroid.mean, .stddev</td><td>Hz</td><td>spectral centroid, speech
 *       frames</td></tr>
 *   <tr><td>spectrum.flux.mean, .stddev</td><td>ratio</td><td>positive change of the normalised
 *       magnitude spectrum between frames, speech frames</td></tr>
 *   <tr><td>zcr.mean</td><td>1/sample</td><td>zero-crossing rate, speech frames</td></tr>
 *   <tr><td>mfcc1.mean .. mfcc12.mean</td><td>dB</td><td>MFCC 1-12 (26 mel bands over 50-4000
 *       Hz, orthonormal DCT of band power in dB), speech frames</td></tr>
 *   <tr><td>mfcc0.stddev .. mfcc12.stddev</td><td>dB</td><td>their standard deviations, and that
 *       of MFCC 0 (a loudness dynamic)</td></tr>
 *   <tr><td>mfcc0.delta.stddev .. mfcc12.delta.stddev</td><td>dB/frame</td><td>standard
 *       deviation of the first difference (c[t+1] - c[t-1]) / 2</td></tr>
 * </table>
 *
 * <h2>Version {@value #V2} (107 features)</h2>
 *
 * Every feature of version 1, with the same name, definition and position, followed by 36
 * features of the spectral shape of the vowels and of the F0 and loudness contours. A model
 * whose card names version 1 runs on version 2 vectors: it reads its features by name (see
 * {@link #includes}).
 *
 * <table>
 *   <caption>Features added in version 2</caption>
 *   <tr><th>name</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>f0.p10, f0.p90</td><td>semitones</td><td>10th and 90th percentiles of F0</td></tr>
 *   <tr><td>f0.contour.slope</td><td>semitones/s</td><td>least-squares slope of F0 against
 *       time over all voiced frames (declination, or a final rise)</td></tr>
 *   <tr><td>loudness.voicedToMedian</td><td>dB</td><td>mean loudness of the voiced frames
 *       minus the median over all speech frames</td></tr>
 *   <tr><td>spectrum.band300to800.mean .. spectrum.band2500to3500.mean</td><td>dB</td><td>power
 *       in 300-800, 800-1500, 1500-2500 and 2500-3500 Hz relative to 50-4000 Hz, voiced
 *       frames</td></tr>
 *   <tr><td>spectrum.flatness.mean</td><td>dB</td><td>spectral flatness (geometric over
 *       arithmetic mean power), voiced frames</td></tr>
 *   <tr><td>spectrum.rolloff.mean</td><td>Hz</td><td>85% roll-off frequency, voiced
 *       frames</td></tr>
 *   <tr><td>spectrum.centroid.voiced.mean</td><td>Hz</td><td>spectral centroid, voiced
 *       frames</td></tr>
 *   <tr><td>spectrum.h1h2.mean</td><td>dB</td><td>H1-H2-like: strongest bin near F0 minus
 *       strongest bin near 2 F0, voiced frames</td></tr>
 *   <tr><td>mfcc1.voiced.mean .. mfcc12.voiced.mean, mfcc1.voiced.stddev ..
 *       mfcc12.voiced.stddev</td><td>dB</td><td>MFCC 1-12 mean and standard deviation over
 *       voiced frames</td></tr>
 * </table>
 *
 * <p>A value that cannot be measured (pitch features of a span without voicing, say) is NaN;
 * trained models replace it by the training mean (see the model card).
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureSet {

    /** The version string of the first feature set. */
    public static final String V1 = "affect4j-voice-features/1";
    /** The version string of the second feature set, a superset of the first. */
    public static final String V2 = "affect4j-voice-features/2";

    /** The names of the formant-region band features, in {@link FrameAnalyzer#BANDS} order. */
    static final List<String> BAND_NAMES = List.of("spectrum.band300to800.mean",
            "spectrum.band800to1500.mean", "spectrum.band1500to2500.mean",
            "spectrum.band2500to3500.mean");

    private static final FeatureSet FIRST = new FeatureSet(V1, definitions());
    private static final FeatureSet CURRENT = new FeatureSet(V2, secondDefinitions());

    private final String version;
    private final List<Feature> features;
    private final Map<String, Integer> index = new HashMap<>();

    private FeatureSet(String version, List<Feature> features) {
        this.version = version;
        this.features = List.copyOf(features);
        for (int i = 0; i < features.size(); i++) {
            if (index.put(features.get(i).name(), i) != null) {
                throw new IllegalStateException("duplicate feature " + features.get(i).name());
            }
        }
    }

    /** {@return the feature set this library computes} */
    public static FeatureSet current() {
        return CURRENT;
    }

    /**
     * The feature set of a version string.
     *
     * @param version such as {@value #V1}
     * @return the feature set
     * @throws IllegalArgumentException naming the version if this library does not know it
     */
    public static FeatureSet forVersion(String version) {
        if (CURRENT.version.equals(version)) {
            return CURRENT;
        }
        if (FIRST.version.equals(version)) {
            return FIRST;
        }
        throw new IllegalArgumentException("unknown feature set '" + version + "'; this library "
                + "computes " + CURRENT.version + " (and reads models of " + FIRST.version + ")");
    }

    /**
     * Whether vectors of this set hold every feature of another one with the same definition
     * (name, unit and description), so that a model trained on the other set can read its
     * features from this set's vectors by name. Positions may differ.
     *
     * @param other another feature set
     * @return true when every feature of {@code other} is in this set as defined there
     */
    public boolean includes(FeatureSet other) {
        for (Feature feature : other.features) {
            Integer i = index.get(feature.name());
            if (i == null || !features.get(i).equals(feature)) {
                return false;
            }
        }
        return true;
    }

    /** {@return the version string, e.g. {@value #V1}} */
    public String version() {
        return version;
    }

    /** {@return the features in vector order} */
    public List<Feature> features() {
        return features;
    }

    /** {@return the feature names in vector order} */
    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }

    /** {@return the number of features} */
    public int size() {
        return features.size();
    }

    /**
     * The position of a feature in the vector.
     *
     * @param name the feature
     * @return its position in the vector
     * @throws IllegalArgumentException naming the feature if it is not in this set
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("feature '" + name + "' is not in " + version);
        }
        return i;
    }

    @Override
    public String toString() {
        return version + " (" + features.size() + " features)";
    }

    /**
     * One feature.
     *
     * @param name a stable dotted name, e.g. {@code "f0.range"}
     * @param unit its unit
     * @param description what it measures
     */
    public record Feature(String name, String unit, String description) {

        /**
         * @param name a stable dotted name, e.g. {@code "f0.range"}
         * @param unit its unit
         * @param description what it measures
         * @throws NullPointerException if an argument is null
         */
        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(description, "description");
        }
    }

    private static List<Feature> definitions() {
        List<Feature> f = new ArrayList<>();
        f.add(new Feature("f0.mean", "st", "mean F0, semitones re 27.5 Hz"));
        f.add(new Feature("f0.stddev", "st", "standard deviation of F0"));
        f.add(new Feature("f0.p20", "st", "20th percentile of F0"));
        f.add(new Feature("f0.p50", "st", "median F0"));
        f.add(new Feature("f0.p80", "st", "80th percentile of F0"));
        f.add(new Feature("f0.range", "st", "F0 range, 20th to 80th percentile"));
        f.add(new Feature("f0.rising.slope", "st/s", "mean slope of rising F0 parts"));
        f.add(new Feature("f0.falling.slope", "st/s", "mean slope of falling F0 parts"));
        f.add(new Feature("f0.jitterLike", "ratio", "mean relative F0 change between voiced frames"));
        f.add(new Feature("voicing.ratio", "ratio", "voiced frames per speech frame"));
        f.add(new Feature("voicing.runsPerSecond", "1/s", "voiced stretches per second of speech"));
        f.add(new Feature("voicing.runSeconds", "s", "mean length of voiced stretches"));
        f.add(new Feature("voicing.unvoicedRunSeconds", "s", "mean length of unvoiced stretches"));
        f.add(new Feature("hnr.mean", "dB", "mean harmonics-to-noise ratio from YIN periodicity"));
        f.add(new Feature("hnr.stddev", "dB", "standard deviation of the HNR"));
        f.add(new Feature("shimmerLike", "dB", "mean energy change between voiced frames"));
        f.add(new Feature("loudness.stddev", "dB", "standard deviation of frame energy"));
        f.add(new Feature("loudness.range", "dB", "frame energy range, 20th to 80th percentile"));
        f.add(new Feature("loudness.peakToMedian", "dB", "95th minus 50th percentile of energy"));
        f.add(new Feature("loudness.rising.slope", "dB/s", "mean slope of rising energy parts"));
        f.add(new Feature("loudness.falling.slope", "dB/s", "mean slope of falling energy parts"));
        f.add(new Feature("rhythm.speakingRate", "1/s", "syllable nuclei per second of speech"));
        f.add(new Feature("rhythm.pauseRatio", "ratio", "pause frames per segment frame"));
        f.add(new Feature("spectrum.alphaRatio.mean", "dB", "power 1-4 kHz re 50-1000 Hz, voiced"));
        f.add(new Feature("spectrum.alphaRatio.stddev", "dB", "its standard deviation"));
        f.add(new Feature("spectrum.hammarberg.mean", "dB", "peak 0-2 kHz minus peak 2-4 kHz, voiced"));
        f.add(new Feature("spectrum.slope0to500.mean", "dB/kHz", "spectral slope 0-500 Hz, voiced"));
        f.add(new Feature("spectrum.slope500to1500.mean", "dB/kHz", "spectral slope 500-1500 Hz, voiced"));
        f.add(new Feature("spectrum.centroid.mean", "Hz", "mean spectral centroid"));
        f.add(new Feature("spectrum.centroid.stddev", "Hz", "standard deviation of the centroid"));
        f.add(new Feature("spectrum.flux.mean", "ratio", "mean spectral flux"));
        f.add(new Feature("spectrum.flux.stddev", "ratio", "standard deviation of the flux"));
        f.add(new Feature("zcr.mean", "1/sample", "mean zero-crossing rate"));
        for (int c = 1; c < FrameAnalyzer.MFCC_COUNT; c++) {
            f.add(new Feature("mfcc" + c + ".mean", "dB", "mean of MFCC " + c));
        }
        for (int c = 0; c < FrameAnalyzer.MFCC_COUNT; c++) {
            f.add(new Feature("mfcc" + c + ".stddev", "dB", "standard deviation of MFCC " + c));
        }
        for (int c = 0; c < FrameAnalyzer.MFCC_COUNT; c++) {
            f.add(new Feature("mfcc" + c + ".delta.stddev", "dB/frame",
                    "standard deviation of the first difference of MFCC " + c));
        }
        return Collections.unmodifiableList(f);
    }

    private static List<Feature> secondDefinitions() {
        List<Feature> f = new ArrayList<>(definitions());
        f.add(new Feature("f0.p10", "st", "10th percentile of F0"));
        f.add(new Feature("f0.p90", "st", "90th percentile of F0"));
        f.add(new Feature("f0.contour.slope", "st/s", "least-squares slope of F0 against time"));
        f.add(new Feature("loudness.voicedToMedian", "dB",
                "mean energy of voiced frames minus the median of speech frames"));
        String[] bands = {"300-800", "800-1500", "1500-2500", "2500-3500"};
        for (int b = 0; b < bands.length; b++) {
            f.add(new Feature(BAND_NAMES.get(b), "dB",
                    "power " + bands[b] + " Hz re 50-4000 Hz, voiced"));
        }
        f.add(new Feature("spectrum.flatness.mean", "dB", "spectral flatness, voiced"));
        f.add(new Feature("spectrum.rolloff.mean", "Hz", "85% spectral roll-off, voiced"));
        f.add(new Feature("spectrum.centroid.voiced.mean", "Hz", "spectral centroid, voiced"));
        f.add(new Feature("spectrum.h1h2.mean", "dB", "peak near F0 minus peak near 2 F0, voiced"));
        for (int c = 1; c < FrameAnalyzer.MFCC_COUNT; c++) {
            f.add(new Feature("mfcc" + c + ".voiced.mean", "dB", "mean of MFCC " + c + ", voiced"));
            f.add(new Feature("mfcc" + c + ".voiced.stddev", "dB",
                    "standard deviation of MFCC " + c + ", voiced"));
        }
        return Collections.unmodifiableList(f);
    }
}
