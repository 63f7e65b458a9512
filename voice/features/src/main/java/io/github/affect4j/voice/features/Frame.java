package io.github.affect4j.voice.features;

/**
 * The measurements of one analysis frame: {@value FrameAnalyzer#FRAME} samples (32 ms) of 16 kHz
 * audio, taken every 10 ms. Frame {@code index} covers analysis samples
 * {@code [160 * index, 160 * index + 512)} and stands for the 10 ms around its centre.
 *
 * <p>Spectral measures use 50-4000 Hz only, the band every supported input rate (8 kHz and up)
 * carries, so that the same speech gives the same measures whatever its sample rate.
 *
 * @param index the frame number from the start of the clip or stream
 * @param energyDb mean power of the DC-free frame in dB re full scale, -120 for digital silence
 * @param loudnessDb power between 50 and 4000 Hz in dB on a fixed but arbitrary scale: only
 *     differences are meaningful
 * @param pitchHz YIN's fundamental frequency, NaN when unvoiced
 * @param periodicity YIN's periodicity (1 minus the normalised difference at the period), NaN
 *     when unvoiced
 * @param zeroCrossingRate sign changes per sample, in [0, 1]
 * @param centroidHz magnitude-weighted mean frequency, 50-4000 Hz; NaN for silence
 * @param flux positive change of the normalised magnitude spectrum since the previous frame
 * @param alphaRatioDb power 1-4 kHz relative to 50-1000 Hz, in dB; NaN for silence
 * @param hammarbergDb strongest bin 0-2 kHz minus strongest bin 2-4 kHz, in dB
 * @param slopeLowDbPerKHz least-squares slope of the log power spectrum over 0-500 Hz
 * @param slopeMidDbPerKHz the same over 500-1500 Hz
 * @param mfcc 13 mel-frequency cepstral coefficients c0..c12 of 26 mel bands over 50-4000 Hz
 *     (log power in dB, orthonormal DCT-II); only c0 depends on the recording level
 * @param raw statistics of the raw input consumed when this frame was measured (cumulative)
 */
record Frame(long index, double energyDb, double loudnessDb, double pitchHz, double periodicity,
             double zeroCrossingRate, double centroidHz, double flux, double alphaRatioDb,
             double hammarbergDb, double slopeLowDbPerKHz, double slopeMidDbPerKHz, float[] mfcc,
             SignalConditioner.RawStatistics raw) {

    /** Seconds per frame hop. */
    static final double HOP_SECONDS = 0.01;

    /** Seconds from a frame's first sample to its centre. */
    static final double CENTRE_SECONDS = FrameAnalyzer.FRAME / 2.0 / SignalConditioner.ANALYSIS_RATE;

    /** Start of the 10 ms this frame stands for, in seconds. */
    double startSeconds() {
        return Math.max(0, index * HOP_SECONDS + CENTRE_SECONDS - HOP_SECONDS / 2);
    }

    /** End of the 10 ms this frame stands for, in seconds. */
    double endSeconds() {
        return index * HOP_SECONDS + CENTRE_SECONDS + HOP_SECONDS / 2;
    }

    boolean voiced() {
        return !Double.isNaN(pitchHz);
    }
}
