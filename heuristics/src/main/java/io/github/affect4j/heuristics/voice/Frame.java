package io.github.affect4j.heuristics.voice;

/**
 * The measurements of one analysis frame: 40 ms of 16 kHz audio, taken every 10 ms.
 *
 * <p>Frame {@code index} covers analysis samples {@code [160 * index, 160 * index + 640)} and
 * stands for the 10 ms around its centre, from {@code (index + 1.5) * 10} ms to
 * {@code (index + 2.5) * 10} ms.
 *
 * @param index the frame number from the start of the clip or stream
 * @param energyDb mean power of the central 20 ms of the DC-free frame in dB re full scale (a
 *     full-scale sine is about -3 dB), -120 for digital silence; the short window keeps speech
 *     edges sharp
 * @param bandDb power between 300 and 2500 Hz (where vowels carry their energy) in dB, on an
 *     arbitrary but fixed scale: only differences are meaningful
 * @param zeroCrossingRate sign changes per sample, in [0, 1]
 * @param pitchHz YIN's fundamental frequency, NaN when YIN found no period in the configured
 *     range or the frame is noise-like (see {@link FrameAnalyzer})
 * @param centroidHz magnitude-weighted mean frequency between 80 and 3400 Hz, NaN for silence
 * @param tiltDb power between 1 and 3.4 kHz relative to power between 80 Hz and 1 kHz, in dB
 *     (higher: flatter spectrum, more vocal effort), NaN for silence
 * @param flux positive change of the normalised 80-3400 Hz magnitude spectrum since the
 *     previous frame, in [0, 1]
 * @param raw statistics of the raw input over the 10 ms this frame stands for (bin
 *     {@code index + 2} of {@link SignalConditioner})
 */
record Frame(long index, double energyDb, double bandDb, double zeroCrossingRate, double pitchHz,
             double centroidHz, double tiltDb, double flux, SignalConditioner.RawBin raw) {

    /** Seconds per frame hop. */
    static final double HOP_SECONDS = 0.01;

    /** The raw-statistics bin of frame 0: its window centre lies two hops in. */
    static final int CENTRE_OFFSET = 2;

    /** Start of the 10 ms this frame stands for, in seconds. */
    double startSeconds() {
        return (index + CENTRE_OFFSET - 0.5) * HOP_SECONDS;
    }

    /** End of the 10 ms this frame stands for, in seconds. */
    double endSeconds() {
        return (index + CENTRE_OFFSET + 0.5) * HOP_SECONDS;
    }

    boolean voiced() {
        return !Double.isNaN(pitchHz);
    }
}
