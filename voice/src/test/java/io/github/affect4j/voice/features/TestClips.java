package io.github.affect4j.voice.features;

import io.github.affect4j.media.AudioClip;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs shared by the feature tests. */
public final class TestClips {

    private TestClips() {
    }

    /** A clip of the synthetic corpus committed next to make-corpus.sh. */
    public static AudioClip synthetic(String name) {
        String resource = "/io/github/affect4j/voice/synthetic/" + name;
        try (InputStream in = TestClips.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return AudioClip.readWav(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the synthetic corpus. */
    public static Path syntheticDir() {
        try {
            return Path.of(TestClips.class.getResource("/io/github/affect4j/voice/synthetic/").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled real speech sample (a male LibriVox reader, 16 kHz, 7.1 s). */
    public static AudioClip speech() {
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

    public static AudioClip scaled(AudioClip clip, double gain) {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (s[i] * gain);
        }
        return AudioClip.of(s, clip.sampleRate());
    }

    /**
     * An independent windowed-sinc resampler (Blackman window, 64 zero crossings, cut-off at
     * 0.45 of the lower rate), to make inputs at other rates without the code under test.
     */
    public static AudioClip resample(AudioClip clip, int rate) {
        if (rate == clip.sampleRate()) {
            return clip;
        }
        double ratio = rate / (double) clip.sampleRate();
        double cutoff = 0.45 * Math.min(1, ratio);
        int half = (int) Math.ceil(32 / (2 * cutoff));
        int n = (int) Math.floor(clip.length() * ratio);
        float[] in = clip.samples();
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            double centre = k / ratio;
            int first = (int) Math.floor(centre) - half + 1;
            double sum = 0;
            for (int i = Math.max(0, first); i < Math.min(in.length, first + 2 * half); i++) {
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

    public static float[] concat(float[]... parts) {
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
}
