package io.github.affect4j.voice.features;

/**
 * The measurements of one analysis frame of 16 kHz audio, cut and measured as its
 * {@link FrameSpec} says. Frame {@code index} covers analysis samples
 * {@code [160 * index, 160 * index + frameLength)} and stands for the 10 ms around its centre.
 *
 * @param index the frame number from the start of the clip or stream
 * @param spec how the frame was cut and measured
 * @param energyDb mean power of the central {@link FrameSpec#energyLength()} samples of the
 *     DC-free frame in dB re full scale (a full-scale sine is about -3 dB), -120 for digital
 *     silence
 * @param loudnessDb power in the spec's loudness band in dB on a fixed but arbitrary scale: only
 *     differences are meaningful
 * @param pitchHz the pitch tracker's fundamental frequency, NaN when unvoiced: no period in the
 *     spec's range, or a noise-like frame (see {@link FrameAnalyzer})
 * @param periodicity the tracker's periodicity (1 minus the normalised difference at the
 *     period), NaN when unvoiced
 * @param zeroCrossingRate sign changes per sample, in [0, 1]
 * @param centroidHz magnitude-weighted mean frequency over the spectral band; NaN for silence
 * @param flux positive change of the normalised magnitude spectrum since the previous frame, in
 *     [0, 1]
 * @param alphaRatioDb power from 1 kHz to the band's top relative to the band's bottom to
 *     1 kHz, in dB (higher: flatter spectrum, more vocal effort); NaN for silence
 * @param hammarbergDb strongest bin below 2 kHz minus strongest bin from 2 kHz up, in dB
 * @param slopeLowDbPerKHz least-squares slope of the log power spectrum over 0-500 Hz
 * @param slopeMidDbPerKHz the same over 500-1500 Hz
 * @param mfcc 13 mel-frequency cepstral coefficients c0..c12 of 26 mel bands over the spectral
 *     band (log power in dB, orthonormal DCT-II); only c0 depends on the recording level
 * @param bandLevelsDb power in each of the {@link FrameAnalyzer#BANDS} bands 300-800, 800-1500,
 *     1500-2500 and 2500-3500 Hz (first to fourth formant regions) relative to the whole
 *     spectral band, in dB (at most 0); NaN for silence
 * @param flatnessDb spectral flatness over the spectral band: geometric over arithmetic mean of
 *     the bin powers, in dB (0 for white noise, strongly negative for harmonic sounds); NaN for
 *     silence
 * @param rolloffHz the frequency below which 85% of the spectral band's power lies; NaN for
 *     silence
 * @param h1h2Db strongest bin within one bin of F0 minus strongest bin within one bin of twice
 *     F0, in dB: an H1-H2-like voice quality measure (higher: breathier; lower: pressed), NaN
 *     when unvoiced. With 31 Hz bins it is coarse for low voices
 * @param raw statistics of the raw input consumed when this frame was measured (cumulative)
 */
public record Frame(long index, FrameSpec spec, double energyDb, double loudnessDb,
                    double pitchHz, double periodicity, double zeroCrossingRate,
                    double centroidHz, double flux, double alphaRatioDb, double hammarbergDb,
                    double slopeLowDbPerKHz, double slopeMidDbPerKHz, float[] mfcc,
                    float[] bandLevelsDb, double flatnessDb, double rolloffHz, double h1h2Db,
                    RawStatistics raw) {

    /** @return the start of the 10 ms this frame stands for, in seconds */
    public double startSeconds() {
        return Math.max(0, index * FrameSpec.HOP_SECONDS + spec.centreSeconds()
                - FrameSpec.HOP_SECONDS / 2);
    }

    /** @return the end of the 10 ms this frame stands for, in seconds */
    public double endSeconds() {
        return index * FrameSpec.HOP_SECONDS + spec.centreSeconds() + FrameSpec.HOP_SECONDS / 2;
    }

    /** @return the analysis samples up to the frame's last, counted from the start */
    public long endSample() {
        return index * FrameSpec.HOP + spec.frameLength();
    }

    /** @return whether the frame has a pitch */
    public boolean voiced() {
        return !Double.isNaN(pitchHz);
    }
}
