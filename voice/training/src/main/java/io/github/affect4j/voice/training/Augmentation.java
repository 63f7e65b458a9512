package io.github.affect4j.voice.training;

import io.github.affect4j.media.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Perturbed copies of training recordings: speed changes and added white noise. The copies only
 * ever join the training part of a cross-validation fold (and the final model's training set),
 * never a test part, and each is derived from its recording alone with a fixed seed, so the same
 * corpus always gives the same copies.
 *
 * <ul>
 *   <li>Speed {@code s}: the waveform resampled by linear interpolation and played at the
 *       original rate, so tempo and pitch both change by the factor {@code s} (as Kaldi's speed
 *       perturbation).</li>
 *   <li>Noise at {@code snr} dB: Gaussian white noise whose power is the clip's mean power minus
 *       {@code snr} dB (the clip's power includes its pauses, so the SNR over speech is somewhat
 *       higher). The seed is the variant's and the recording's, so every copy is reproducible.</li>
 * </ul>
 *
 * <p>No level changes: the features do not depend on the recording level (a scaled clip gives
 * the same vector), so a louder or softer copy would be a duplicate. Immutable.
 */
public final class Augmentation {

    /** No copies. */
    public static final Augmentation NONE = new Augmentation(new double[0], new double[0]);

    private final double[] speeds;
    private final double[] snrs;

    private Augmentation(double[] speeds, double[] snrs) {
        this.speeds = speeds.clone();
        this.snrs = snrs.clone();
    }

    /**
     * Speed factors and signal-to-noise ratios; one copy per factor and one per ratio.
     *
     * @param speeds speed factors, each in [0.5, 2] and not 1
     * @param snrsDb signal-to-noise ratios in dB, each in [-10, 60]
     * @return the augmentation
     * @throws IllegalArgumentException naming the value out of range
     */
    public static Augmentation of(double[] speeds, double[] snrsDb) {
        for (double s : speeds) {
            if (!(s >= 0.5 && s <= 2) || s == 1) {
                throw new IllegalArgumentException("speed factor must be in [0.5, 2] and not 1, "
                        + "got " + s);
            }
        }
        for (double snr : snrsDb) {
            if (!(snr >= -10 && snr <= 60)) {
                throw new IllegalArgumentException("SNR must be -10 to 60 dB, got " + snr);
            }
        }
        return new Augmentation(speeds, snrsDb);
    }

    /**
     * Reads {@code speed=0.9:1.1,noise=20:10} (either part may be left out; {@code none} for no
     * copies).
     *
     * @param text the description, as the command line takes it
     * @return the augmentation
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static Augmentation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return NONE;
        }
        double[] speeds = new double[0];
        double[] snrs = new double[0];
        for (String part : t.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("augmentation part '" + part + "' is not "
                        + "speed=A:B or noise=A:B");
            }
            double[] values;
            try {
                values = java.util.Arrays.stream(kv[1].split(":")).map(String::trim)
                        .mapToDouble(Double::parseDouble).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("augmentation part '" + part + "': not numbers");
            }
            switch (kv[0].trim()) {
                case "speed" -> speeds = values;
                case "noise" -> snrs = values;
                default -> throw new IllegalArgumentException("augmentation part '" + part
                        + "': expected speed or noise");
            }
        }
        return of(speeds, snrs);
    }

    /** {@return whether there are no copies} */
    public boolean isNone() {
        return speeds.length == 0 && snrs.length == 0;
    }

    /**
     * {@return the copies' names, in the order {@link #apply} returns them, e.g.
     * {@code speed0.9}}
     */
    public List<String> variants() {
        List<String> names = new ArrayList<>();
        for (double s : speeds) {
            names.add("speed" + format(s));
        }
        for (double snr : snrs) {
            names.add("noise" + format(snr) + "dB");
        }
        return names;
    }

    /**
     * The copies of one clip, in {@link #variants()} order.
     *
     * @param clip the recording
     * @param seed the recording's seed (e.g. from its name), mixed with each variant's index
     * @return one clip per variant
     */
    public List<AudioClip> apply(AudioClip clip, long seed) {
        List<AudioClip> out = new ArrayList<>();
        float[] x = clip.samples();
        for (double s : speeds) {
            out.add(AudioClip.of(speed(x, s), clip.sampleRate()));
        }
        for (int i = 0; i < snrs.length; i++) {
            out.add(AudioClip.of(noise(x, snrs[i], seed * 1_000_003L + i), clip.sampleRate()));
        }
        return out;
    }

    static float[] speed(float[] x, double factor) {
        int n = (int) Math.floor((x.length - 1) / factor) + 1;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double pos = i * factor;
            int k = (int) pos;
            double frac = pos - k;
            y[i] = k + 1 < x.length ? (float) (x[k] * (1 - frac) + x[k + 1] * frac) : x[k];
        }
        return y;
    }

    static float[] noise(float[] x, double snrDb, long seed) {
        double power = 0;
        for (float v : x) {
            power += (double) v * v;
        }
        power /= Math.max(1, x.length);
        double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
        Random random = new Random(seed);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.max(-1, Math.min(1, x[i] + sigma * random.nextGaussian()));
        }
        return y;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : String.join(",", variants());
    }
}
