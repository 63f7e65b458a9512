package io.github.affect4j.heuristics.voice;

/**
 * The measurements of one analysis frame: 40 ms of 16 kHz audio, taken every 10 ms.
 *
 * <p>Frame {@code index} covers analysis samples {@code [160 * index, 160 * index + 640)} and
 * stands for the 10 ms from {@code (index + 2) * 10} ms, the hop around its centre.
 *
 * @param index the frame number from the start of the clip or stream
 * @param energyDb mean power of the DC-free frame in dB re full scale (a full-scale sine is
 *     about -3 dB); -120 for digital silence
 * @param bandDb power between 300 and 2500 Hz (where vowels carry their energy) in dB, on an
 *     arbitrary but fixed scale: only differences are meaningful
 * @param zeroCrossingRate sign changes per sample, in [0, 1]
 * @param pitchHz YIN's fundamental frequency, NaN when YIN found no period in the configured
 *     range
 * @param centroidHz magnitude-weighted mean frequency between 80 and 4000 Hz, NaN for silence
 * @param tiltDb power between 1 and 4 kHz relative to power between 80 Hz and 1 kHz, in dB
 *     (higher: flatter spectrum, more vocal effort), NaN for silence
 * @param flux positive change of the normalised 80-4000 Hz magnitude spectrum since the
 *     previous frame, in [0, 1]
 * @param raw statistics of the raw input over the 10 ms this frame stands for
 */
record Frame(long index, double energyDb, double bandDb, double zeroCrossingRate, double pitchHz,
             double centroidHz, double tiltDb, double flux, SignalConditioner.RawBin raw) {

    /** Seconds per frame hop. */
    static final double HOP_SECONDS = 0.01;

    /** Frames lie this many hops after the start of their window's first sample. */
    static final int CENTRE_OFFSET = 2;

    /** Start of the 10 ms this frame stands for, in seconds. */
    double startSeconds() {
        return (index + CENTRE_OFFSET) * HOP_SECONDS;
    }

    /** End of the 10 ms this frame stands for, in seconds. */
    double endSeconds() {
        return (index + CENTRE_OFFSET + 1) * HOP_SECONDS;
    }

    boolean voiced() {
        return !Double.isNaN(pitchHz);
    }
}
