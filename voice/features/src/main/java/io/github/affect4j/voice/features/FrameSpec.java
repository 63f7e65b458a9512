package io.github.affect4j.voice.features;

import java.util.Locale;

/**
 * How {@link FrameAnalyzer} cuts and measures 16 kHz audio: frame length, FFT size, pitch
 * tracker and range, and the frequency bands of the spectral measures. Frames are always taken
 * every {@value #HOP} samples (10 ms): every contour statistic in {@link Functionals} is in
 * units of that hop.
 *
 * <p>Two specifications are in use: {@link #FEATURES}, the one the {@link FeatureSet} vectors
 * and the models trained on them depend on, and the prosody rules' own (40 ms frames, YIN,
 * telephone band), built in {@code affect4j-heuristics}.
 *
 * @param frameLength samples per frame, {@value #HOP} to 4096
 * @param fftSize points of the FFT, a power of two no shorter than the frame (the windowed frame
 *     is zero-padded)
 * @param pitchAlgorithm the pitch tracker
 * @param pitchMinHz lowest pitch accepted
 * @param pitchMaxHz highest pitch accepted
 * @param spectrumLowHz lower edge of the band of the spectral measures (centroid, alpha ratio,
 *     flux, MFCC)
 * @param spectrumHighHz upper edge of that band, at most 8000 Hz
 * @param loudnessLowHz lower edge of the band whose power is {@link Frame#loudnessDb()}, inside
 *     the spectral band
 * @param loudnessHighHz upper edge of that band
 * @param energyLength samples at the centre of the frame whose mean power is
 *     {@link Frame#energyDb()}; shorter than the frame keeps speech edges sharp
 */
public record FrameSpec(int frameLength, int fftSize, PitchAlgorithm pitchAlgorithm,
                        double pitchMinHz, double pitchMaxHz, double spectrumLowHz,
                        double spectrumHighHz, double loudnessLowHz, double loudnessHighHz,
                        int energyLength) {

    /** Samples between frame starts: 10 ms at the analysis rate. */
    public static final int HOP = 160;

    /** Seconds between frame starts. */
    public static final double HOP_SECONDS = 0.01;

    /**
     * The frames of {@link FeatureSet#V1}: 32 ms, 512-point FFT, FastYin over 65-600 Hz, spectral
     * measures and loudness over 50-4000 Hz, energy over the whole frame.
     */
    public static final FrameSpec FEATURES = new FrameSpec(512, 512, PitchAlgorithm.FAST_YIN,
            65, 600, 50, 4000, 50, 4000, 512);

    /** The pitch trackers of TarsosDSP that a frame can be measured with. */
    public enum PitchAlgorithm {
        /** {@code be.tarsos.dsp.pitch.Yin}, threshold 0.2. */
        YIN,
        /** {@code be.tarsos.dsp.pitch.FastYin}, threshold 0.2: the same estimate, FFT-based. */
        FAST_YIN
    }

    /**
     * @param frameLength samples per frame, {@value #HOP} to 4096
     * @param fftSize the FFT size
     * @param pitchAlgorithm the pitch tracker
     * @param pitchMinHz lowest pitch accepted
     * @param pitchMaxHz highest pitch accepted
     * @param spectrumLowHz lower edge of the spectral band
     * @param spectrumHighHz upper edge of that band, at most 8000 Hz
     * @param loudnessLowHz lower edge of the loudness band
     * @param loudnessHighHz upper edge of that band
     * @param energyLength samples at the frame centre whose mean power is the frame energy
     * @throws IllegalArgumentException naming the offending value
     */
    public FrameSpec {
        if (frameLength < HOP || frameLength > 4096) {
            throw new IllegalArgumentException("frame length must be 160 to 4096 samples, got "
                    + frameLength);
        }
        if (fftSize < frameLength || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two no shorter than "
                    + "the frame (" + frameLength + "), got " + fftSize);
        }
        if (pitchAlgorithm == null) {
            throw new IllegalArgumentException("pitch algorithm is null");
        }
        if (!(pitchMinHz > 0 && pitchMinHz < pitchMaxHz && pitchMaxHz <= 4000)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pitch range must satisfy 0 < min < max <= 4000 Hz, got %s-%s Hz",
                    pitchMinHz, pitchMaxHz));
        }
        if (!(spectrumLowHz >= 0 && spectrumLowHz + 1000 < spectrumHighHz
                && spectrumHighHz <= SignalConditioner.ANALYSIS_RATE / 2.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "spectral band must span 1 kHz and more within 0-8000 Hz, got %s-%s Hz",
                    spectrumLowHz, spectrumHighHz));
        }
        if (!(loudnessLowHz >= spectrumLowHz && loudnessLowHz < loudnessHighHz
                && loudnessHighHz <= spectrumHighHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "loudness band %s-%s Hz must lie within the spectral band %s-%s Hz",
                    loudnessLowHz, loudnessHighHz, spectrumLowHz, spectrumHighHz));
        }
        if (energyLength <= 0 || energyLength > frameLength) {
            throw new IllegalArgumentException("energy length must be 1 to " + frameLength
                    + " samples, got " + energyLength);
        }
    }

    /** {@return the seconds from a frame's first sample to its centre} */
    public double centreSeconds() {
        return frameLength / 2.0 / SignalConditioner.ANALYSIS_RATE;
    }
}
