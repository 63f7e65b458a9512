package io.github.affect4j.face.onnx;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.OnnxModel;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.OptionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds ONNX face emotion detectors directly, for code that wants to hand over a model from a
 * stream or pick the provider's options in Java. {@code EmotionDetectors.faceBuilder()
 * .provider("onnx").option(...)} builds the same detectors from string options.
 *
 * <pre>{@code
 * ModelCard card = ModelCard.read(Path.of("enet_b0_8.properties"));
 * try (FaceEmotionDetector faces = OnnxFaceEmotion.builder()
 *         .classifier(Path.of("enet_b0_8_best_afew.onnx"), card)
 *         .option("flip", "false")
 *         .build()) {
 *     FaceAnalysis analysis = faces.analyze(ImageFrame.read(Path.of("photo.jpg")));
 * }
 * }</pre>
 *
 * <p>Nothing is ever downloaded: models come from this jar or from the caller.
 */
public final class OnnxFaceEmotion {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxFaceEmotion.class);
    /** Configurations already logged at INFO; later loads of the same go to DEBUG. */
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private OnnxFaceEmotion() {
    }

    /** {@return a new builder with the default options (mode {@code accurate})} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options for one detector; see {@link OnnxFaceDetectorProvider} for the option names. Not
     * thread-safe; each {@link #build()} makes a new detector.
     */
    public static final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();
        private byte[] modelBytes;
        private String modelName;
        private ModelCard card;

        private Builder() {
        }

        /**
         * Sets a provider option, e.g. {@code option("mode", "fast")}.
         *
         * @param name the option name
         * @param value its value
         * @return this builder
         * @throws io.github.affect4j.InvalidOptionException if the name is not a known option
         */
        public Builder option(String name, String value) {
            if (Settings.OPTIONS.stream().noneMatch(spec -> spec.name().equals(name))) {
                throw new io.github.affect4j.InvalidOptionException(name, "unknown option '"
                        + name + "'; valid options: " + Settings.OPTIONS.stream()
                                .map(OptionSpec::name).sorted().toList());
            }
            options.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Uses a classifier from a file instead of the bundled ones.
         *
         * @param model the classifier's ONNX file
         * @param card how to feed it and read its output
         * @return this builder
         * @throws IOException if the file cannot be read
         */
        public Builder classifier(Path model, ModelCard card) throws IOException {
            Objects.requireNonNull(model, "model");
            if (!Files.isRegularFile(model)) {
                throw new NoSuchFileException(model.toString(), null, "model file not found");
            }
            return classifier(Files.readAllBytes(model), model.getFileName().toString(), card);
        }

        /**
         * Uses a classifier read from a stream (to its end; not closed) instead of the bundled
         * ones.
         *
         * @param name names the model in messages and in {@code DetectorInfo}
         * @param model the classifier's ONNX bytes
         * @param card how to feed it and read its output
         * @return this builder
         * @throws IOException if the stream cannot be read
         */
        public Builder classifier(InputStream model, String name, ModelCard card) throws IOException {
            return classifier(model.readAllBytes(), name, card);
        }

        private Builder classifier(byte[] bytes, String name, ModelCard card) {
            this.modelBytes = bytes;
            this.modelName = Objects.requireNonNull(name, "name");
            this.card = Objects.requireNonNull(card, "card");
            return this;
        }

        /**
         * Loads the natives and models and makes the detector.
         *
         * @return a detector to share between threads; close it when done
         * @throws InvalidModelException naming the file when a model cannot be loaded or does not
         *     match its card
         * @throws IllegalArgumentException naming the option when an option is invalid (an
         *     {@link io.github.affect4j.InvalidOptionException} for a value out of range)
         * @throws IllegalStateException if the ONNX Runtime natives cannot be loaded
         */
        public FaceEmotionDetector build() throws InvalidModelException {
            Settings settings = Settings.of(DetectorConfig.of(Settings.OPTIONS, options),
                    modelBytes != null);
            if (modelBytes == null) {
                // The option 'model' (a file, with 'card' or 'preset') is loaded as the provider
                // loads it.
                return load(settings);
            }
            return load(settings, new UserModel(modelBytes, modelName, card));
        }
    }

    /** A caller's classifier. */
    record UserModel(byte[] bytes, String name, ModelCard card) {
    }

    /** Loads what the settings ask for (the provider's {@code create}). */
    static OnnxFaceEmotionDetector load(Settings settings) throws InvalidModelException {
        UserModel user = null;
        if (settings.classifierModel() != null) {
            Path file = settings.classifierModel();
            if (!Files.isRegularFile(file)) {
                throw new InvalidModelException(file + ": model file not found");
            }
            try {
                user = new UserModel(Files.readAllBytes(file), file.toString(), settings.userCard());
            } catch (InvalidModelException e) {
                throw e;
            } catch (IOException e) {
                throw new InvalidModelException(file + ": cannot read the model or its card: "
                        + e.getMessage(), e);
            }
        }
        return load(settings, user);
    }

    static OnnxFaceEmotionDetector load(Settings settings, UserModel user)
            throws InvalidModelException {
        long started = System.nanoTime();
        int threads = settings.threads();
        List<AutoCloseable> loaded = new ArrayList<>();
        try {
            String detectorFile = BundledModels.detectorFile(settings.detectorSize());
            OnnxModel detector = OnnxModel.load(BundledModels.read(detectorFile), detectorFile,
                    threads, "input", "raw");
            loaded.add(detector);
            checkDetector(detector, settings.detectorSize());
            List<OnnxFaceEmotionDetector.Classifier> classifiers = new ArrayList<>();
            for (int i = 0; i < settings.classifiers().size(); i++) {
                String name = settings.classifiers().get(i);
                String file = BundledModels.classifierFile(name);
                ModelCard card = BundledModels.classifierCard(name);
                OnnxModel model = OnnxModel.load(BundledModels.read(file), file, threads,
                        card.inputName(), card.outputName());
                loaded.add(model);
                checkClassifier(model, card);
                classifiers.add(new OnnxFaceEmotionDetector.Classifier(model,
                        new ClassifierTranslator(card), settings.weights().get(i)));
            }
            if (user != null) {
                OnnxModel model = OnnxModel.load(user.bytes(), user.name(), threads,
                        user.card().inputName(), user.card().outputName());
                loaded.add(model);
                checkClassifier(model, user.card());
                classifiers.add(new OnnxFaceEmotionDetector.Classifier(model,
                        new ClassifierTranslator(user.card()),
                        settings.weights().get(settings.weights().size() - 1)));
            }
            OnnxFaceEmotionDetector result = new OnnxFaceEmotionDetector(settings, detector,
                    classifiers, settings.effectiveTemperature(user != null));
            long millis = (System.nanoTime() - started) / 1_000_000;
            String choice = result.info().description() + "; models " + result.info().model();
            if (LOGGED.add(choice)) {
                LOG.info("onnx face detector: {} (loaded in {} ms)", choice, millis);
            } else {
                LOG.debug("onnx face detector: {} (loaded in {} ms)", choice, millis);
            }
            return result;
        } catch (InvalidModelException | RuntimeException e) {
            closeAll(loaded, e);
            throw e;
        }
    }

    private static void closeAll(List<AutoCloseable> loaded, Exception failure) {
        for (AutoCloseable c : loaded) {
            try {
                c.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void checkDetector(OnnxModel model, int size) throws InvalidModelException {
        long[] in = model.inputShape();
        long[] out = model.outputShape();
        if (!matches(in, -1, size, size, 3) || !matches(out, -1, BlazeFace.ANCHORS, BlazeFace.COLUMNS)) {
            throw new InvalidModelException(model.name() + ": input " + Arrays.toString(in)
                    + " and output " + Arrays.toString(out) + " are not BlazeFace's [N, " + size
                    + ", " + size + ", 3] and [N, 896, 17]");
        }
    }

    /**
     * Checks a classifier against its card.
     *
     * @throws InvalidModelException naming the file, the input or output and the mismatch
     */
    static void checkClassifier(OnnxModel model, ModelCard card) throws InvalidModelException {
        long[] in = model.inputShape();
        long[] expected = new ClassifierTranslator(card).shape(-1);
        if (!matches(in, expected) || (in[0] > 1)) {
            throw new InvalidModelException(model.name() + ": input '" + model.inputName()
                    + "' has shape " + Arrays.toString(in) + " but the card says "
                    + card.describeInput() + " (" + shapeText(expected) + ")");
        }
        long[] out = model.outputShape();
        long classes = 1;
        boolean known = out.length >= 1;
        for (int i = 1; i < out.length; i++) {
            if (out[i] < 0) {
                known = false;
            }
            classes *= Math.max(out[i], 1);
        }
        if (out.length == 0 || (out[0] > 1) || (known && classes != card.labels().size())) {
            throw new InvalidModelException(model.name() + ": output '" + model.outputName()
                    + "' has shape " + Arrays.toString(out) + " but the card lists "
                    + card.labels().size() + " labels " + card.labels());
        }
    }

    private static boolean matches(long[] actual, long... expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (expected[i] >= 0 && actual[i] >= 0 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String shapeText(long[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "N" : Long.toString(shape[i]));
        }
        return text.append(']').toString();
    }
}
