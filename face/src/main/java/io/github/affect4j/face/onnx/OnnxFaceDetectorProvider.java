package io.github.affect4j.face.onnx;

import io.github.affect4j.InvalidModelException;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.onnx.Natives;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.FaceDetectorProvider;
import io.github.affect4j.spi.OptionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-backed face emotion provider, id {@value #ID}, priority
 * {@link #MODEL_PRIORITY}: BlazeFace finds the faces, the face-api.js expression net and
 * affect4j's cnn48 (or the bundled FER-2013 mini-Xception, or a classifier of your own) read
 * their expressions, on ONNX Runtime.
 *
 * <p>Discovery instantiates this class cheaply; {@link #availability} checks, without loading
 * natives or models, that ONNX Runtime's classes are on the class path, that the bundled models
 * are present and that configured files exist; {@link #create} loads the natives and the models.
 *
 * <p>Options are declared in {@link #options()} (name, type, range, default, description;
 * {@code ./affect4j detectors} prints them) and repeated in the module README. The names
 * {@code model}, {@code threads} and {@code minConfidence} mean the same as on every affect4j
 * provider. An option this provider does not declare, or a value outside its declaration, fails
 * the build with {@link io.github.affect4j.InvalidOptionException}; so do contradictions
 * ({@code model} without {@code card} or {@code preset}, a {@code weights} count that does not
 * match the classifiers), found by {@link #validate}.
 *
 * <p>Quality flags and their thresholds are listed on {@link FaceQualityMeter}'s table, repeated
 * in the module README.
 */
public final class OnnxFaceDetectorProvider implements FaceDetectorProvider {

    /** The provider id. */
    public static final String ID = "onnx";

    /** For {@link java.util.ServiceLoader}; cheap. */
    public OnnxFaceDetectorProvider() {
    }

    @Override
    public int priority() {
        return MODEL_PRIORITY;
    }

    /** The options listed in the module README: mode, detector, classifiers, weights... */
    @Override
    public List<OptionSpec> options() {
        return Settings.OPTIONS;
    }

    /**
     * Checks the combinations: {@code model} needs one of {@code card} and {@code preset},
     * {@code weights} one weight per classifier, {@code classifiers} known bundled names.
     */
    @Override
    public void validate(DetectorConfig config) {
        Settings.of(config);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Availability availability(DetectorConfig config) {
        Availability runtime = Natives.classesPresent();
        if (!runtime.available()) {
            return runtime;
        }
        Settings settings = Settings.of(config);
        List<String> problems = new ArrayList<>();
        List<String> bundled = new ArrayList<>();
        bundled.add(BundledModels.detectorFile(settings.detectorSize()));
        settings.classifiers().forEach(c -> bundled.add(BundledModels.classifierFile(c)));
        for (String file : bundled) {
            if (!BundledModels.present(file)) {
                problems.add("bundled model " + file + " missing from the class path");
            }
        }
        problems.addAll(settings.missingFiles());
        return problems.isEmpty() ? Availability.ready()
                : Availability.unavailable(String.join("; ", problems));
    }

    /**
     * Loads the natives and models.
     *
     * @throws InvalidModelException naming the file when a model cannot
     *     be loaded or does not match its card
     * @throws IllegalArgumentException naming the option when an option is invalid
     * @throws IllegalStateException if the ONNX Runtime natives cannot be loaded
     */
    @Override
    public FaceEmotionDetector create(DetectorConfig config) throws Exception {
        return OnnxFaceEmotion.load(Settings.of(config));
    }

    @Override
    public String toString() {
        return "OnnxFaceDetectorProvider[" + ID + "]";
    }
}
