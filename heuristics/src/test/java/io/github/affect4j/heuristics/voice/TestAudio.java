package io.github.affect4j.heuristics.voice;

import io.github.affect4j.media.AudioClip;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String dir = System.getProperty("affect4j.samples.dir");
        Path file = dir != null ? Path.of(dir, "speech.wav")
                : Path.of("..", "examples", "samples", "speech.wav");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample speech not found at " + file.toAbsolutePath()
                    + "; set affect4j.samples.dir");
        }
        try {
            return AudioClip.readWav(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AudioClip scaled(AudioClip clip, double gain) {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (s[i] * gain);
        }
        return AudioClip.of(s, clip.sampleRate());
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
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
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
        if (rate == clip.sampleRate()) {
            return clip;
        }
        double ratio = rate / (double) clip.sampleRate();
        double cutoff = 0.45 * Math.min(1, ratio); // in cycles per input sample
        int half = (int) Math.ceil(32 / (2 * cutoff));
        int n = (int) Math.floor(clip.length() * ratio);
        float[] in = clip.samples();
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            double centre = k / ratio;
            int first = (int) Math.floor(centre) - half + 1;
            double sum = 0;
            for (int i = first; i < first + 2 * half; i++) {
                if (i < 0 || i >= in.length) {
                    continue;
                }
                double x = i - centre;
                double w = 0.42 + 0.5 * Math.cos(Math.PI * x / half)
                        + 0.08 * Math.cos(2 * Math.PI * x / half);
                double sinc = x == 0 ? 2 * cutoff
                        : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
                sum += in[i] * sinc * Math.max(0, w);
            }
            out[k] = (float) sum;
        }
        return AudioClip.of(out, rate);
    }
}
