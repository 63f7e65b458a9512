package io.github.affect4j.face.onnx;

import io.github.affect4j.InvalidModelException;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.onnx.Natives;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.FaceDetectorProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-backed face emotion provider, id {@value #ID}, priority
 * {@link #MODEL_PRIORITY}: BlazeFace finds the faces, the face-api.js expression net and a
 * FER-2013 mini-Xception (or a classifier of your own) read their expressions, on ONNX Runtime.
 *
 * <p>Discovery instantiates this class cheaply; {@link #availability} checks, without loading
 * natives or models, that ONNX Runtime's classes are on the class path, that the bundled models
 * are present and that configured files exist; {@link #create} loads the natives and the models.
 *
 * <table>
 *   <caption>Options (set with {@code EmotionDetectors.faceBuilder().option(name, value)})</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>mode</td><td>accurate</td><td>{@code accurate}: BlazeFace 256, both classifiers
 *       averaged, mirrored copies; {@code fast}: BlazeFace 128 (faces filling much of the frame),
 *       the face-api.js net alone, no mirrored copies. The options below override parts of it.</td></tr>
 *   <tr><td>detector</td><td>back (accurate), front (fast)</td><td>{@code back}: BlazeFace
 *       256x256 (MediaPipe's back-camera model, small and distant faces too); {@code front}:
 *       BlazeFace 128x128 (short range, faster)</td></tr>
 *   <tr><td>classifiers</td><td>face-api,fer2013 (accurate), face-api (fast)</td><td>the bundled
 *       classifiers to average</td></tr>
 *   <tr><td>weights</td><td>1 each</td><td>ensemble weights, one per classifier, in the order of
 *       {@code classifiers} followed by {@code classifier.model}</td></tr>
 *   <tr><td>flip</td><td>true (accurate), false (fast)</td><td>also classify each crop's mirror
 *       image and average</td></tr>
 *   <tr><td>align</td><td>true</td><td>rotate each crop so the eyes are level</td></tr>
 *   <tr><td>letterbox</td><td>true</td><td>pad the frame to a square before resizing it for the
 *       detector, instead of stretching it</td></tr>
 *   <tr><td>minConfidence</td><td>0.5</td><td>detector score a face must exceed</td></tr>
 *   <tr><td>iouThreshold</td><td>0.3</td><td>overlap at which detections are merged</td></tr>
 *   <tr><td>nms</td><td>weighted</td><td>{@code weighted} (MediaPipe: overlapping detections are
 *       averaged) or {@code hard} (TF.js: only the best is kept)</td></tr>
 *   <tr><td>maxFaces</td><td>32</td><td>most faces reported per image</td></tr>
 *   <tr><td>minFaceSize</td><td>40</td><td>shorter box side in pixels below which a face is
 *       flagged {@code SMALL} (and not assessable); it is still reported and scored</td></tr>
 *   <tr><td>intraOpThreads</td><td>1</td><td>ONNX Runtime threads per model run. One suits a
 *       detector shared by several application threads (they run in parallel); raise it to
 *       speed up a single caller, 0 lets ONNX Runtime use every core</td></tr>
 *   <tr><td>classifier.model</td><td></td><td>an ONNX classifier file of your own; replaces the
 *       bundled classifiers unless {@code classifiers} is given too</td></tr>
 *   <tr><td>classifier.card</td><td></td><td>its model card, a properties file (see
 *       {@link ModelCard})</td></tr>
 *   <tr><td>classifier.preset</td><td></td><td>instead of a card file: {@code emotion-ferplus-8},
 *       {@code hsemotion-enet-b0-8} or {@code opencv-zoo-fer}</td></tr>
 * </table>
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
        Settings settings;
        try {
            settings = Settings.of(config);
        } catch (IllegalArgumentException e) {
            return Availability.unavailable("invalid option: " + e.getMessage());
        }
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
