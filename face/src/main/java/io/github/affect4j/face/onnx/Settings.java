package io.github.affect4j.face.onnx;

import io.github.affect4j.spi.DetectorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The validated, frozen options of an ONNX face detector; see {@link OnnxFaceDetectorProvider}
 * for their meaning and defaults.
 */
record Settings(Mode mode, int detectorSize, List<String> classifiers, List<Double> weights,
                boolean flip, boolean align, boolean letterbox, double minConfidence,
                double iouThreshold, boolean weightedNms, int maxFaces, int minFaceSize,
                int intraOpThreads, Path classifierModel, String classifierCardSource) {

    /** The two preset trade-offs. */
    enum Mode {
        /** BlazeFace 256, both bundled classifiers, mirrored copies. */
        ACCURATE,
        /** BlazeFace 128, the face-api.js net alone, no mirrored copies. */
        FAST
    }

    static final String FACE_API = "face-api";
    static final String FER2013 = "fer2013";

    static final Set<String> OPTIONS = Set.of("mode", "detector", "classifiers", "weights", "flip",
            "align", "letterbox", "minConfidence", "iouThreshold", "nms", "maxFaces",
            "minFaceSize", "intraOpThreads", "classifier.model", "classifier.card",
            "classifier.preset");

    Settings {
        classifiers = List.copyOf(classifiers);
        weights = List.copyOf(weights);
    }

    /** The defaults of a mode. */
    static Settings defaults(Mode mode) {
        boolean fast = mode == Mode.FAST;
        return new Settings(mode, fast ? 128 : 256,
                fast ? List.of(FACE_API) : List.of(FACE_API, FER2013),
                fast ? List.of(1.0) : List.of(1.0, 1.0),
                !fast, true, true, 0.5, 0.3, true, 32, 40, 1, null, null);
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException naming the option and its value when one is invalid
     */
    static Settings of(DetectorConfig config) {
        return of(config, false);
    }

    /**
     * Reads the options.
     *
     * @param directModel whether the caller hands over a classifier directly (builder), which
     *     then counts as the user model
     * @throws IllegalArgumentException naming the option and its value when one is invalid
     */
    static Settings of(DetectorConfig config, boolean directModel) {
        Map<String, String> options = config.asMap();
        Mode mode = switch (options.getOrDefault("mode", "accurate").trim().toLowerCase(Locale.ROOT)) {
            case "accurate" -> Mode.ACCURATE;
            case "fast" -> Mode.FAST;
            default -> throw new IllegalArgumentException("option mode must be accurate or fast, got '"
                    + options.get("mode") + "'");
        };
        Settings d = defaults(mode);
        int detectorSize = switch (options.getOrDefault("detector",
                d.detectorSize() == 128 ? "front" : "back").trim().toLowerCase(Locale.ROOT)) {
            case "back", "256" -> 256;
            case "front", "128" -> 128;
            default -> throw new IllegalArgumentException("option detector must be back (256) or"
                    + " front (128), got '" + options.get("detector") + "'");
        };
        List<String> classifiers = d.classifiers();
        if (options.containsKey("classifiers")) {
            classifiers = new ArrayList<>();
            for (String part : options.get("classifiers").split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (!name.equals(FACE_API) && !name.equals(FER2013)) {
                    throw new IllegalArgumentException("option classifiers lists bundled classifiers"
                            + " (face-api, fer2013), got '" + options.get("classifiers") + "'");
                }
                if (!classifiers.contains(name)) {
                    classifiers.add(name);
                }
            }
        }
        Path model = config.getPath("classifier.model").orElse(null);
        String card = options.get("classifier.card");
        String preset = options.get("classifier.preset");
        if (directModel && (model != null || card != null || preset != null)) {
            throw new IllegalArgumentException("options classifier.model, classifier.card and"
                    + " classifier.preset cannot be combined with a classifier given directly");
        }
        boolean user = directModel || model != null;
        if (model != null) {
            if ((card == null) == (preset == null)) {
                throw new IllegalArgumentException("option classifier.model needs exactly one of"
                        + " classifier.card (a model card file) or classifier.preset");
            }
            if (preset != null) {
                ModelCard.preset(preset);
            }
        } else if (card != null || preset != null) {
            throw new IllegalArgumentException("options classifier.card and classifier.preset need"
                    + " classifier.model");
        }
        if (user) {
            if (!options.containsKey("classifiers")) {
                // a user model replaces the bundled ones unless they are asked for explicitly
                classifiers = List.of();
            }
        }
        int count = classifiers.size() + (user ? 1 : 0);
        if (count == 0) {
            throw new IllegalArgumentException("option classifiers must name at least one classifier");
        }
        List<Double> weights = new ArrayList<>();
        if (options.containsKey("weights")) {
            for (String part : options.get("weights").split(",")) {
                try {
                    double w = Double.parseDouble(part.trim());
                    if (!(w >= 0) || Double.isInfinite(w)) {
                        throw new NumberFormatException();
                    }
                    weights.add(w);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option weights must be non-negative numbers,"
                            + " got '" + options.get("weights") + "'", e);
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                weights.add(1.0);
            }
        }
        List<String> named = new ArrayList<>(classifiers);
        if (user) {
            named.add("classifier.model");
        }
        if (weights.size() != count) {
            throw new IllegalArgumentException("option weights needs one weight per classifier "
                    + named + ", got '" + options.get("weights") + "'");
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("option weights must not all be zero, got " + weights);
        }
        String nms = options.getOrDefault("nms", "weighted").trim().toLowerCase(Locale.ROOT);
        if (!nms.equals("weighted") && !nms.equals("hard")) {
            throw new IllegalArgumentException("option nms must be weighted or hard, got '" + nms + "'");
        }
        double minConfidence = config.getDouble("minConfidence", d.minConfidence());
        if (!(minConfidence >= 0 && minConfidence < 1)) {
            throw new IllegalArgumentException("option minConfidence must be in [0, 1), got "
                    + minConfidence);
        }
        double iou = config.getDouble("iouThreshold", d.iouThreshold());
        if (!(iou > 0 && iou <= 1)) {
            throw new IllegalArgumentException("option iouThreshold must be in (0, 1], got " + iou);
        }
        int maxFaces = config.getInt("maxFaces", d.maxFaces());
        if (maxFaces < 1 || maxFaces > 896) {
            throw new IllegalArgumentException("option maxFaces must be 1..896, got " + maxFaces);
        }
        int minFaceSize = config.getInt("minFaceSize", d.minFaceSize());
        if (minFaceSize < 0) {
            throw new IllegalArgumentException("option minFaceSize must not be negative, got "
                    + minFaceSize);
        }
        int threads = config.getInt("intraOpThreads", d.intraOpThreads());
        if (threads < 0 || threads > 256) {
            throw new IllegalArgumentException("option intraOpThreads must be 0..256 (0: ONNX Runtime"
                    + " decides), got " + threads);
        }
        return new Settings(mode, detectorSize, classifiers, weights,
                config.getBoolean("flip", d.flip()), config.getBoolean("align", d.align()),
                config.getBoolean("letterbox", d.letterbox()), minConfidence, iou,
                nms.equals("weighted"), maxFaces, minFaceSize, threads, model,
                card != null ? card : preset != null ? "preset:" + preset : null);
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
            missing.add("model file " + classifierModel + " not found (option classifier.model)");
        }
        if (classifierCardSource != null && !classifierCardSource.startsWith("preset:")
                && !Files.isRegularFile(Path.of(classifierCardSource))) {
            missing.add("model card " + classifierCardSource + " not found (option classifier.card)");
        }
        return missing;
    }
}
