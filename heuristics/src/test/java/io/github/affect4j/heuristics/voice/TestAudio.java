package io.github.affect4j.heuristics.voice;

import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.fixtures.TestClips;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** Test inputs: the committed clips, the bundled speech sample, and synthetic signals. */
final class TestAudio {

    /** The arousal pairs made by make-clips.sh: the same text aroused and calm. */
    static final String[] PAIRS = {"us-fox", "us-seven", "gb-fox", "usf-seven", "de-zug"};

    private TestAudio() {
    }

    /** A clip committed next to make-clips.sh. */
    static AudioClip resource(String name) {
        try (InputStream in = TestAudio.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return AudioClip.readWav(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled real speech sample (LibriVox via pocketsphinx-testdata, 16 kHz): a male
     * reader, 7.1 s, one sentence.
     */
    static AudioClip speech() {
        return TestClips.speech();
    }

    static AudioClip scaled(AudioClip clip, double gain) {
        return TestClips.scaled(clip, gain);
    }

    static AudioClip withPeak(AudioClip clip, double peak) {
        double max = 0;
        for (int i = 0; i < clip.length(); i++) {
            max = Math.max(max, Math.abs(clip.sample(i)));
        }
        return scaled(clip, peak / max);
    }

    static AudioClip offset(AudioClip clip, double dc) {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (s[i] + dc);
        }
        return AudioClip.of(s, clip.sampleRate());
    }

    /** Amplifies and hard-limits to full scale, as an overdriven input stage does. */
    static AudioClip overdriven(AudioClip clip, double gain) {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.max(-1, Math.min(1, s[i] * gain));
        }
        return AudioClip.of(s, clip.sampleRate());
    }

    static float[] silence(int rate, double seconds) {
        return new float[(int) Math.round(rate * seconds)];
    }

    /** White Gaussian noise of the given RMS, from a fixed seed. */
    static float[] noise(int rate, double seconds, double rms, long seed) {
        Random random = new Random(seed);
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (random.nextGaussian() * rms);
        }
        return s;
    }

    static float[] concat(float[]... parts) {
        return TestClips.concat(parts);
    }

    /**
     * A synthetic sustained vowel: a band-limited glottal-like pulse train (harmonics falling at
     * 12 dB per octave) with formant-like emphasis near 700 and 1200 Hz, pitch following
     * {@code pitchHz(t)}, amplitude {@code amplitude(t)}.
     */
    static float[] vowel(int rate, double seconds, java.util.function.DoubleUnaryOperator pitchHz,
                         java.util.function.DoubleUnaryOperator amplitude) {
        int n = (int) Math.round(rate * seconds);
        float[] s = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double f0 = pitchHz.applyAsDouble(t);
            phase += 2 * Math.PI * f0 / rate;
            double v = 0;
            for (int h = 1; h * f0 < Math.min(4000, rate / 2.0 - 200); h++) {
                double f = h * f0;
                double formants = 1 / (1 + Math.pow((f - 700) / 200, 2))
                        + 0.6 / (1 + Math.pow((f - 1200) / 250, 2)) + 0.05;
                v += Math.sin(h * phase) * formants / h;
            }
            s[i] = (float) (0.15 * amplitude.applyAsDouble(t) * v);
        }
        return s;
    }

    /**
     * An independent windowed-sinc resampler (Blackman window, 64 zero crossings, cut-off at
     * 0.45 of the lower rate), to make test inputs at other rates without using the code under
     * test.
     */
    static AudioClip resample(AudioClip clip, int rate) {
        return TestClips.resample(clip, rate);
    }
}
