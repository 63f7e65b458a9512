package io.github.affect4j;

/**
 * Key prosodic measurements of a span of speech. Values that cannot be measured (no voiced frame
 * for pitch, say) are {@code NaN}.
 *
 * @param pitchMedianHz median fundamental frequency over voiced frames, in Hz
 * @param pitchRangeSemitones spread of the fundamental frequency between its 10th and 90th
 *     percentiles, in semitones
 * @param voicedRatio fraction of speech frames with a detectable pitch, in [0, 1]
 * @param loudnessRangeDb spread of frame energy between its 10th and 90th percentiles over speech
 *     frames, in dB; independent of the recording level
 * @param speakingRate energy peaks (a proxy for syllable nuclei) per second of speech
 * @param spectralCentroidHz mean spectral centroid over speech frames, in Hz
 */
public record Prosody(double pitchMedianHz, double pitchRangeSemitones, double voicedRatio,
                      double loudnessRangeDb, double speakingRate, double spectralCentroidHz) {

    /** {@return a prosody with every value unknown} */
    public static Prosody unknown() {
        return new Prosody(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
