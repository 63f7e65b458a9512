package io.github.affect4j.face.onnx;

import io.github.affect4j.Emotion;
import io.github.affect4j.InvalidModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Temperature scaling of the detector's final probabilities, and the bundled temperatures.
 *
 * <p>The classifiers' probabilities (and their mirror copies') are averaged first, as before;
 * the average {@code p} is then rescaled as {@code p_i^(1/T) / sum_j p_j^(1/T)}, which is
 * {@code softmax(log(p) / T)}. Every log probability is divided by the same number, so the
 * order of the emotions, and with it the dominant emotion and the accuracy, never changes; only
 * how sure the scores say they are. {@code T > 1} spreads an over-confident distribution.
 *
 * <p>The bundled temperatures live in {@value #FILE} beside the models, one per configuration
 * (the bundled classifiers averaged, joined by {@code +} in the order of the option
 * {@code classifiers}, with {@code .mirrored} when mirror copies are on), written by
 * {@code face/training/calibration.py}; what each was fitted on is in MODELS.md. Immutable.
 */
final class Calibration {

    /** The bundled calibration file, in {@link BundledModels#FOLDER}. */
    static final String FILE = "calibration.properties";

    /** The smallest and largest temperature accepted, in the file and in the option. */
    static final double MIN_TEMPERATURE = 0.05;
    static final double MAX_TEMPERATURE = 100;

    private static final Map<String, Double> BUNDLED = load();

    private Calibration() {
    }

    /**
     * The bundled temperature of a configuration, if one was fitted.
     *
     * @param classifiers the bundled classifiers, in the order they are averaged
     * @param mirrored whether mirror copies are averaged in
     * @return the temperature, or empty when the configuration was never calibrated
     */
    static Optional<Double> bundled(List<String> classifiers, boolean mirrored) {
        return Optional.ofNullable(BUNDLED.get(key(classifiers, mirrored)));
    }

    /** The key of a configuration in {@value #FILE}, e.g. {@code face-api+fer2013.mirrored}. */
    static String key(List<String> classifiers, boolean mirrored) {
        return String.join("+", classifiers) + (mirrored ? ".mirrored" : "");
    }

    /** Every bundled temperature by key (for tests and the documentation). */
    static Map<String, Double> bundled() {
        return BUNDLED;
    }

    /**
     * Rescales a distribution in place: {@code p_i^(1/T)}, renormalised. Zeros stay zero (a
     * seven-label model's contempt).
     *
     * @param p probabilities in {@link Emotion} order, summing to about 1, none negative
     * @param temperature the temperature; 1 leaves {@code p} as it is
     */
    static void apply(double[] p, double temperature) {
        if (temperature == 1) {
            return;
        }
        double max = 0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        if (!(max > 0)) {
            return;
        }
        // Relative to the largest value: p_i / max is in [0, 1], so the power cannot overflow.
        double inverse = 1 / temperature;
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i] > 0 ? Math.pow(p[i] / max, inverse) : 0;
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
    }

    private static Map<String, Double> load() {
        try {
            return parse(BundledModels.class.getResourceAsStream(BundledModels.FOLDER + FILE));
        } catch (InvalidModelException e) {
            // A broken bundled file is a packaging error: fail the first use loudly.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Reads a calibration file.
     *
     * @param in the file's bytes (closed here), or null when it is missing
     * @return temperature by key
     * @throws InvalidModelException naming the file and the key when it is missing, cannot be
     *     read, or holds a value that is not a temperature in range
     */
    static Map<String, Double> parse(InputStream in) throws InvalidModelException {
        if (in == null) {
            throw new InvalidModelException(FILE + ": bundled calibration missing from the class"
                    + " path (" + BundledModels.FOLDER + FILE + ")");
        }
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidModelException(FILE + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, Double> temperatures = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            double t;
            try {
                t = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                t = Double.NaN;
            }
            if (!(t >= MIN_TEMPERATURE && t <= MAX_TEMPERATURE)) {
                throw new InvalidModelException(FILE + ": " + key + " must be a temperature in ["
                        + MIN_TEMPERATURE + ", " + MAX_TEMPERATURE + "], got '" + value + "'");
            }
            temperatures.put(key, t);
        }
        return java.util.Collections.unmodifiableMap(temperatures);
    }
}
