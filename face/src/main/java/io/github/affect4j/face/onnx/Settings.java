package io.github.affect4j.face.onnx;

import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.OptionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, frozen options of an ONNX face detector; see {@link OnnxFaceDetectorProvider}
 * for their meaning and defaults.
 */
record Settings(Mode mode, int detectorSize, List<String> classifiers, List<Double> weights,
                boolean flip, boolean align, boolean letterbox, double minConfidence,
                double iouThreshold, boolean weightedNms, int maxFaces, int minFaceSize,
                int threads, Path classifierModel, String classifierCardSource, Crops crops,
                Double temperature) {

    /** The two preset trade-offs. */
    enum Mode {
        /** BlazeFace 256, the face-api.js net and cnn48 averaged, mirrored copies. */
        ACCURATE,
        /** BlazeFace 128, the face-api.js net alone, no mirrored copies. */
        FAST
    }

    /** How {@code analyze} treats images that may be face crops (option {@code crops}). */
    enum Crops {
        /** Decide per image: see {@link OnnxFaceEmotionDetector#analyze}. */
        AUTO,
        /** Every image is a face crop: read whole, as {@code analyzeFace} does, no detection. */
        ALWAYS,
        /** Never: only detected faces, none when the detector finds none. */
        NEVER
    }

    static final String FACE_API = "face-api";
    static final String FER2013 = "fer2013";
    static final String CNN48 = "cnn48";
    /** Every bundled classifier, by the name the option {@code classifiers} takes. */
    static final List<String> BUNDLED_CLASSIFIERS = List.of(FACE_API, CNN48, FER2013);

    /** The options this provider declares; the names are shared with the other providers. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.choice("mode", List.of("accurate", "fast"), "accurate",
                    "preset: accurate = BlazeFace 256, face-api and cnn48, mirrored copies; fast ="
                    + " BlazeFace 128, face-api alone, no mirroring; the options below override"
                    + " parts of it"),
            OptionSpec.choice("detector", List.of("back", "front", "256", "128"), null,
                    "BlazeFace back (256 px, small and distant faces too) or front (128 px,"
                    + " faster); default back (accurate), front (fast)"),
            OptionSpec.string("classifiers", null, "comma-separated bundled classifiers to"
                    + " average: face-api, cnn48, fer2013 (mini-Xception, the earlier accurate"
                    + " default); default face-api,cnn48 (accurate), face-api (fast), none"
                    + " with model"),
            OptionSpec.string("weights", null, "comma-separated ensemble weights >= 0, one per"
                    + " classifier (classifiers, then model); default 1 each"),
            OptionSpec.bool("flip", null, "also classify each crop's mirror image; default true"
                    + " (accurate), false (fast)"),
            OptionSpec.bool("align", true, "rotate each crop so the eyes are level"),
            OptionSpec.bool("letterbox", true, "pad the frame to a square before the detector"
                    + " instead of stretching it"),
            OptionSpec.decimal("minConfidence", 0, 1, 0.5, "detections with a lower"
                    + " confidence are not reported"),
            OptionSpec.decimal("iouThreshold", new OptionSpec.Range(0, false, 1, true), 0.3,
                    "overlap at which detections are merged"),
            OptionSpec.choice("nms", List.of("weighted", "hard"), "weighted",
                    "overlapping detections are averaged (weighted) or only the best is kept"
                    + " (hard)"),
            OptionSpec.integer("maxFaces", 1, 896, 32, "most faces reported per image"),
            OptionSpec.integer("minFaceSize", 0, 100_000, 40, "faces whose shorter box side is"
                    + " below this many pixels are flagged SMALL (still reported)"),
            OptionSpec.integer("threads", 0, 256, 1, "ONNX Runtime intra-op threads per model"
                    + " run; 0 lets ONNX Runtime use every core"),
            OptionSpec.path("model", "an ONNX classifier file of your own; replaces the bundled"
                    + " classifiers unless classifiers is given too; needs card or preset"),
            OptionSpec.path("card", "the model card (properties file) of model"),
            OptionSpec.choice("preset", List.of("emotion-ferplus-8", "hsemotion-enet-b0-8",
                    "opencv-zoo-fer", "ferplus", "ferplus8", "hsemotion", "opencv-zoo",
                    "opencv-zoo-fer-mobilefacenet"), null,
                    "instead of card: a built-in card for a known model"),
            OptionSpec.choice("crops", List.of("auto", "always", "never"), "auto",
                    "images that are face crops: auto = read whole when at most 112 px, when the"
                    + " detected face fills the image, or when no face is found in an image of at"
                    + " most 256 px; always = every image is a face crop, no detection; never ="
                    + " detected faces only"),
            OptionSpec.decimal("temperature", Calibration.MIN_TEMPERATURE,
                    Calibration.MAX_TEMPERATURE, null, "calibration: the averaged probabilities"
                    + " p become p^(1/T), renormalised (the dominant emotion never changes);"
                    + " default: the value fitted for the bundled classifiers in use (MODELS.md),"
                    + " 1 (uncalibrated) with a model of your own or unequal weights; 1 turns"
                    + " calibration off"));

    Settings {
        classifiers = List.copyOf(classifiers);
        weights = List.copyOf(weights);
    }

    /** The defaults of a mode. */
    static Settings defaults(Mode mode) {
        boolean fast = mode == Mode.FAST;
        return new Settings(mode, fast ? 128 : 256,
                fast ? List.of(FACE_API) : List.of(FACE_API, CNN48),
                fast ? List.of(1.0) : List.of(1.0, 1.0),
                !fast, true, true, 0.5, 0.3, true, 32, 40, 1, null, null, Crops.AUTO, null);
    }

    /**
     * Reads options given by name, as {@link OnnxFaceEmotion.Builder} collects them.
     *
     * @throws io.github.affect4j.InvalidOptionException naming the option when one is unknown
     *     or its value is not allowed
     * @throws IllegalArgumentException naming the options when they contradict each other
     */
    static Settings of(Map<String, String> options) {
        return of(DetectorConfig.of(OPTIONS, options), false);
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException naming the options when they contradict each other
     */
    static Settings of(DetectorConfig config) {
        return of(config, false);
    }

    /**
     * Reads the options.
     *
     * @param config options checked against {@link #OPTIONS}
     * @param directModel whether the caller hands over a classifier directly (builder), which
     *     then counts as the user model
     * @throws IllegalArgumentException naming the options when they contradict each other or a
     *     list option does not parse
     */
    static Settings of(DetectorConfig config, boolean directModel) {
        Mode mode = config.getChoice("mode").equals("fast") ? Mode.FAST : Mode.ACCURATE;
        Settings d = defaults(mode);
        int detectorSize = switch (config.getChoice("detector",
                d.detectorSize() == 128 ? "front" : "back")) {
            case "front", "128" -> 128;
            default -> 256;
        };
        List<String> classifiers = d.classifiers();
        Optional<String> classifiersGiven = config.getString("classifiers");
        if (classifiersGiven.isPresent()) {
            classifiers = new ArrayList<>();
            for (String part : classifiersGiven.get().split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (!BUNDLED_CLASSIFIERS.contains(name)) {
                    throw new InvalidOptionException("classifiers", "option classifiers lists"
                            + " bundled classifiers (" + String.join(", ", BUNDLED_CLASSIFIERS)
                            + "), got '"
                            + classifiersGiven.get() + "'");
                }
                if (!classifiers.contains(name)) {
                    classifiers.add(name);
                }
            }
        }
        Path model = config.getPath("model").orElse(null);
        Path card = config.getPath("card").orElse(null);
        String preset = config.isSet("preset") ? config.getChoice("preset") : null;
        if (directModel && (model != null || card != null || preset != null)) {
            throw new IllegalArgumentException("options model, card and preset cannot be combined"
                    + " with a classifier given directly");
        }
        boolean user = directModel || model != null;
        if (model != null) {
            if ((card == null) == (preset == null)) {
                throw new InvalidOptionException("model", "option model needs exactly one of card"
                        + " (a model card file) or preset");
            }
        } else if (card != null || preset != null) {
            throw new InvalidOptionException(card != null ? "card" : "preset", "options card and"
                    + " preset need model");
        }
        if (user && classifiersGiven.isEmpty()) {
            // a user model replaces the bundled ones unless they are asked for explicitly
            classifiers = List.of();
        }
        int count = classifiers.size() + (user ? 1 : 0);
        if (count == 0) {
            throw new InvalidOptionException("classifiers", "option classifiers must name at"
                    + " least one classifier");
        }
        List<Double> weights = new ArrayList<>();
        Optional<String> weightsGiven = config.getString("weights");
        if (weightsGiven.isPresent()) {
            for (String part : weightsGiven.get().split(",")) {
                try {
                    double w = Double.parseDouble(part.trim());
                    if (!(w >= 0) || Double.isInfinite(w)) {
                        throw new NumberFormatException();
                    }
                    weights.add(w);
                } catch (NumberFormatException e) {
                    throw new InvalidOptionException("weights", "option weights must be"
                            + " non-negative numbers, got '" + weightsGiven.get() + "'");
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                weights.add(1.0);
            }
        }
        List<String> named = new ArrayList<>(classifiers);
        if (user) {
            named.add("model");
        }
        if (weights.size() != count) {
            throw new InvalidOptionException("weights", "option weights needs one weight per"
                    + " classifier " + named + ", got '" + weightsGiven.orElse("") + "'");
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new InvalidOptionException("weights", "option weights must not all be zero,"
                    + " got " + weights);
        }
        return new Settings(mode, detectorSize, classifiers, weights,
                config.getBoolean("flip", d.flip()), config.getBoolean("align"),
                config.getBoolean("letterbox"), config.getDouble("minConfidence"),
                config.getDouble("iouThreshold"), config.getChoice("nms").equals("weighted"),
                config.getInt("maxFaces"), config.getInt("minFaceSize"), config.getInt("threads"),
                model, card != null ? card.toString() : preset != null ? "preset:" + preset : null,
                Crops.valueOf(config.getChoice("crops").toUpperCase(Locale.ROOT)),
                config.isSet("temperature") ? config.getDouble("temperature") : null);
    }

    /**
     * The temperature the detector applies: the option's, else the bundled one fitted for these
     * bundled classifiers with equal weights and this mirroring, else 1 (a model of your own,
     * unequal weights, or a configuration never calibrated).
     *
     * @param userModel whether a classifier of the caller's is in the ensemble
     */
    double effectiveTemperature(boolean userModel) {
        if (temperature != null) {
            return temperature;
        }
        boolean equalWeights = weights.stream().distinct().count() == 1;
        if (userModel || !equalWeights) {
            return 1;
        }
        return Calibration.bundled(classifiers, flip).orElse(1.0);
    }

    /** Reads the user model's card, if any. */
    ModelCard userCard() throws IOException {
        if (classifierCardSource == null) {
            return null;
        }
        if (classifierCardSource.startsWith("preset:")) {
            return ModelCard.preset(classifierCardSource.substring("preset:".length()));
        }
        return ModelCard.read(Path.of(classifierCardSource));
    }

    /** Files the options name that do not exist, described; empty when all exist. */
    List<String> missingFiles() {
        List<String> missing = new ArrayList<>();
        if (classifierModel != null && !Files.isRegularFile(classifierModel)) {
            missing.add("model file " + classifierModel + " not found (option model)");
        }
        if (classifierCardSource != null && !classifierCardSource.startsWith("preset:")
                && !Files.isRegularFile(Path.of(classifierCardSource))) {
            missing.add("model card " + classifierCardSource + " not found (option card)");
        }
        return missing;
    }
}
