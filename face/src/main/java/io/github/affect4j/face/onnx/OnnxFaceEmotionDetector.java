package io.github.affect4j.face.onnx;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.BoundingBox;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.FaceSource;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.PixelFormat;
import io.github.affect4j.onnx.OnnxModel;
import io.github.affect4j.spi.DetectorLifetime;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * The ONNX face emotion pipeline: BlazeFace on the (letterboxed) frame, anchor decoding and
 * non-maximum suppression, one crop per face and classifier (optionally levelled by the eyes),
 * all faces and their mirror images in one batch per classifier, probabilities averaged over
 * mirror images and classifiers, then calibrated ({@link Calibration}: a temperature that keeps
 * the dominant emotion), quality measures per face.
 *
 * <p>Thread-safe: the sessions are shared; each call borrows a {@link Workspace} of reusable
 * buffers from a bounded pool and gives it back when done. The pool keeps at most
 * {@link #POOLED_WORKSPACES} idle workspaces (a burst of more concurrent calls makes temporary
 * ones), and a pooled workspace keeps no buffer larger than {@link #KEPT_FLOATS} floats (a huge
 * batch gets a temporary buffer instead of growing the pooled one): the memory held between
 * calls is bounded by about {@code POOLED_WORKSPACES} x 4 MB whatever the callers do, and
 * {@link #close()} drops it. A {@link DetectorLifetime} guards every call, so {@link #close()}
 * waits for running calls and later calls fail with {@link IllegalStateException}.
 */
final class OnnxFaceEmotionDetector implements FaceEmotionDetector {

    /**
     * Most samples per classifier run: a crop and its mirror image. Measured (BENCHMARKS.md,
     * 2026-12-06): on this CPU, ONNX Runtime 1.23 runs the bundled classifiers faster per sample
     * in runs of 1 or 2 samples than in batches of 8 to 64 (32 crops, accurate mode: 121 to
     * 132 ms in runs of 1 or 2, 217 ms in one batch of 64), as a small run's activations stay
     * in the caches. It also bounds the input buffer (2 x 112 x 112 x 3 floats).
     */
    static final int MAX_BATCH = 2;

    /**
     * Idle workspaces kept between calls: one per core (at most 8) is what concurrent callers can
     * use at once without queueing on the CPU anyway.
     */
    static final int POOLED_WORKSPACES =
            Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /**
     * The largest buffer a pooled workspace keeps, in floats (1 MB): BlazeFace's 256x256x3 input,
     * or a run of {@link #MAX_BATCH} samples of a classifier whose input is up to 256x256x2. A
     * larger classifier input of your own uses a buffer that is dropped after the call.
     */
    static final int KEPT_FLOATS = 1 << 18;

    private final Settings settings;
    private final OnnxModel detector;
    private final BlazeFace blazeFace;
    private final List<Classifier> classifiers;
    private final FaceQualityMeter meter;
    private final double temperature;
    private final DetectorInfo info;
    private final DetectorLifetime lifetime =
            new DetectorLifetime("the onnx face emotion detector");
    private final int slots;
    /** Idle workspaces; emptied by {@link #close()}. */
    private final BlockingQueue<Workspace> idle = new ArrayBlockingQueue<>(POOLED_WORKSPACES);
    private volatile boolean closed;

    /**
     * One classifier of the ensemble.
     *
     * @param weight its share of the ensemble (not normalised)
     */
    record Classifier(OnnxModel model, ClassifierTranslator translator, double weight) {
    }

    /**
     * @param temperature the calibration temperature of the averaged probabilities (1: none)
     */
    OnnxFaceEmotionDetector(Settings settings, OnnxModel detector, List<Classifier> classifiers,
                            double temperature) {
        this.settings = settings;
        this.detector = detector;
        this.blazeFace = new BlazeFace(settings.detectorSize());
        this.classifiers = List.copyOf(classifiers);
        this.meter = new FaceQualityMeter(settings.minFaceSize(), settings.align(),
                settings.detectorSize());
        this.temperature = temperature;
        this.info = describe(settings, detector, classifiers, temperature);
        this.slots = classifiers.size();
    }

    private static DetectorInfo describe(Settings settings, OnnxModel detector,
                                         List<Classifier> classifiers, double temperature) {
        StringBuilder text = new StringBuilder("BlazeFace ").append(settings.detectorSize())
                .append(" face detection, emotion from ");
        StringBuilder models = new StringBuilder(detector.toString());
        for (int i = 0; i < classifiers.size(); i++) {
            Classifier c = classifiers.get(i);
            text.append(i == 0 ? "" : " + ").append(c.translator().card().name());
            models.append(", ").append(c.model());
        }
        if (classifiers.size() > 1) {
            text.append(" (averaged)");
        }
        if (settings.flip()) {
            text.append(", with mirrored copies");
        }
        if (temperature != 1) {
            text.append(String.format(java.util.Locale.ROOT, ", calibrated (temperature %.2f)",
                    temperature));
        }
        text.append("; ONNX Runtime, mode ").append(settings.mode().name().toLowerCase(java.util.Locale.ROOT));
        return new DetectorInfo(OnnxFaceDetectorProvider.ID, text.toString(), models.toString());
    }

    Settings settings() {
        return settings;
    }

    /** The calibration temperature applied to the averaged probabilities (1: none). */
    double temperature() {
        return temperature;
    }

    /**
     * Finds the faces and scores them; an image that is a face crop is read whole.
     *
     * <p>With option {@code crops=auto} (the default), BlazeFace runs once, on the letterboxed
     * image shrunk by {@link #CROP_PADDING} inside a black border when neither side exceeds
     * {@link #CROP_SIZED} pixels and the detector is the back (256) model (in a face crop the
     * face then sits at a scale that model knows, and its box covers the face instead of a part
     * of it; the detector's input size and cost do not change; the front model of
     * {@code mode=fast} is made for faces that fill the frame and is not padded), then, with
     * the largest face found:
     * <ol>
     *   <li>an image no larger than {@link #SMALL_IMAGE} pixels on either side is read whole,
     *       exactly as {@link #analyzeFace} reads it (source {@link FaceSource#WHOLE_IMAGE_SMALL},
     *       the detector's confidence, or 0 if it found no face);</li>
     *   <li>if the face's box has a larger side of at least {@link #FILL_FRACTION} of the
     *       image's shorter side, the image is a face crop and is read whole (one result, source
     *       {@link FaceSource#WHOLE_IMAGE_FILLED}, the detector's confidence);</li>
     *   <li>if no face is found and neither side exceeds {@link #CROP_SIZED} pixels, the image
     *       is read whole too (source {@link FaceSource#WHOLE_IMAGE_UNDETECTED}, confidence
     *       0);</li>
     *   <li>otherwise the detected faces are reported (source {@link FaceSource#DETECTED}), or
     *       none.</li>
     * </ol>
     * A whole-image result's box is the whole image and its scores equal {@link #analyzeFace}'s;
     * the detector's keypoints, when there are any, only feed its quality measures.
     * {@code crops=always} skips detection and reads every image whole (source
     * {@link FaceSource#WHOLE_IMAGE_GIVEN}, confidence 1, as {@link #analyzeFace});
     * {@code crops=never} reports detected faces only, detected without padding. The rule and
     * its measurements are described in the module README and MODELS.md.
     */
    @Override
    public FaceAnalysis analyze(ImageFrame image) {
        Objects.requireNonNull(image, "image");
        return lifetime.call(() -> withWorkspace(ws -> {
            RgbImage src = new RgbImage(image.toBytes(PixelFormat.RGB), image.width(), image.height());
            List<Geometry> faces;
            if (settings.crops() == Settings.Crops.ALWAYS) {
                faces = List.of(wholeImage(src, null, 1.0, FaceSource.WHOLE_IMAGE_GIVEN));
            } else if (settings.crops() == Settings.Crops.AUTO) {
                // The front (128) model is made for faces that fill the frame: no padding there.
                boolean pad = Math.max(src.width(), src.height()) <= CROP_SIZED
                        && settings.detectorSize() == 256;
                faces = cropRule(src, detect(src, ws, pad ? CROP_PADDING : 1.0));
            } else {
                faces = detect(src, ws);
            }
            if (faces.isEmpty()) {
                return new FaceAnalysis(src.width(), src.height(), List.of(), info);
            }
            return new FaceAnalysis(src.width(), src.height(), score(faces, ws), info);
        }));
    }

    /**
     * The largest side, in pixels, of an image that {@code crops=auto} treats as possibly a face
     * crop: detected with {@link #CROP_PADDING}, and read whole when no face is found. Face crops
     * of datasets and other detectors are 48 to 256 pixels (FER2013 48, AffectNet 224,
     * BlazeFace's own input 256); camera frames and photos are larger.
     */
    static final int CROP_SIZED = 256;

    /**
     * How much {@code crops=auto} shrinks a crop-sized image inside the detector's input (2: the
     * image's longer side spans half of it). Chosen on FER2013 48x48 crops (our validation part
     * of the training split, MODELS.md): BlazeFace missed 9.9% of them unpadded, 2.2% at 1.5
     * and 1.1% at 2, and its box covered the face instead of a part of it.
     */
    static final double CROP_PADDING = 2.0;

    /**
     * The largest side, in pixels, of an image that {@code crops=auto} always reads whole: the
     * input size of the larger bundled classifier (face-api, 112). An image this small can only
     * be a face crop (or a face too small to read); detection on it is unreliable and the
     * classifiers would upsample a re-crop anyway. On FER2013's 48x48 crops reading whole beat
     * the detected crop at every fill ratio measured.
     */
    static final int SMALL_IMAGE = 112;

    /**
     * The smallest ratio of the largest face box's larger side to the image's shorter side at
     * which {@code crops=auto} takes the image for a face crop (box found with
     * {@link #CROP_PADDING} in crop-sized images): 2/3, a margin of at most 1.5 times the box
     * around it, about what the classifiers' own crops take (1.2 and 1.4 times the box). Set by
     * that reasoning, not fitted: on FER2013 48x48 crops (MODELS.md) the ratio is 0.61 to 1.16
     * (5th to 95th percentile, median 0.88); a head-and-shoulders portrait or a scene shows
     * more around the face.
     */
    static final double FILL_FRACTION = 2.0 / 3;

    /** The {@code crops=auto} rule on the detected faces; see {@link #analyze}. */
    static List<Geometry> cropRule(RgbImage src, List<Geometry> faces) {
        Geometry largest = null;
        double largestArea = -1;
        for (Geometry face : faces) {
            float[] b = face.box();
            double area = (double) (b[2] - b[0]) * (b[3] - b[1]);
            if (area > largestArea) {
                largest = face;
                largestArea = area;
            }
        }
        int longer = Math.max(src.width(), src.height());
        if (longer <= SMALL_IMAGE) {
            return largest == null
                    ? List.of(wholeImage(src, null, 0.0, FaceSource.WHOLE_IMAGE_SMALL))
                    : List.of(wholeImage(src, largest.keypoints(), largest.confidence(),
                            FaceSource.WHOLE_IMAGE_SMALL));
        }
        if (largest == null) {
            return longer <= CROP_SIZED
                    ? List.of(wholeImage(src, null, 0.0, FaceSource.WHOLE_IMAGE_UNDETECTED))
                    : faces;
        }
        float[] b = largest.box();
        double fill = Math.max(b[2] - b[0], b[3] - b[1])
                / (double) Math.min(src.width(), src.height());
        return fill >= FILL_FRACTION
                ? List.of(wholeImage(src, largest.keypoints(), largest.confidence(),
                        FaceSource.WHOLE_IMAGE_FILLED))
                : faces;
    }

    /**
     * The whole image as the face, cropped as {@link #analyzeFace} crops it: padded with black
     * to a centred square, no margin, no rotation. {@code keypoints} (a detection's, or null)
     * only feed the quality measures.
     */
    private static Geometry wholeImage(RgbImage src, float[] keypoints, double confidence,
                                       FaceSource source) {
        float[] box = {0, 0, src.width(), src.height()};
        return new Geometry(src, box, keypoints, confidence, src.width() / 2.0,
                src.height() / 2.0, Math.max(src.width(), src.height()), 0, source);
    }

    /** Runs {@code work} with a workspace from the pool (or a new one), then gives it back. */
    private <T> T withWorkspace(Function<Workspace, T> work) {
        Workspace ws = idle.poll();
        if (ws == null) {
            ws = new Workspace(slots);
        }
        try {
            return work.apply(ws);
        } finally {
            // Dropped when the pool is full or the detector closed (the lifetime lets no call
            // run after close() began; the flag keeps this true should that ever change).
            if (!closed) {
                idle.offer(ws);
            }
        }
    }

    /** Idle workspaces in the pool now (for tests). */
    int pooledWorkspaces() {
        return idle.size();
    }

    /** The floats the idle workspaces keep for reuse, summed (for tests). */
    long pooledFloats() {
        return idle.stream().mapToLong(Workspace::keptFloats).sum();
    }

    @Override
    public FaceResult analyzeFace(ImageFrame faceCrop) {
        Objects.requireNonNull(faceCrop, "faceCrop");
        return analyzeFaces(List.of(faceCrop)).get(0);
    }

    /** All crops go through each classifier in runs of {@link #MAX_BATCH} samples, sharing one workspace. */
    @Override
    public List<FaceResult> analyzeFaces(List<ImageFrame> faceCrops) {
        List<Geometry> crops = new ArrayList<>(faceCrops.size());
        for (ImageFrame crop : faceCrops) {
            Objects.requireNonNull(crop, "face crop");
            RgbImage src = new RgbImage(crop.toBytes(PixelFormat.RGB), crop.width(), crop.height());
            crops.add(wholeImage(src, null, 1.0, FaceSource.WHOLE_IMAGE_GIVEN));
        }
        return lifetime.call(() -> crops.isEmpty() ? List.<FaceResult>of()
                : withWorkspace(ws -> List.copyOf(score(crops, ws))));
    }

    /** Finds the faces, best first, in source pixels. */
    List<Geometry> detect(RgbImage src, Workspace ws) {
        return detect(src, ws, 1.0);
    }

    /**
     * Finds the faces, best first, in source pixels, with the letterboxed frame shrunk by
     * {@code pad} (1: the longer side fills the detector's input; 2: half of it, a black border
     * around).
     */
    List<Geometry> detect(RgbImage src, Workspace ws, double pad) {
        int size = blazeFace.inputSize();
        // Input pixels -> source pixels; the same map takes the detections back to the source.
        Affine map = Affine.detectorInput(src.width(), src.height(), size, settings.letterbox(),
                pad);
        float[] pixels = ws.floats(size * size * 3);
        Resampling.sample(src, map, size, size, 0f, pixels, ws.scratch);
        FloatBuffer input = ws.detectorInput(size * size * 3);
        input.put(0, pixels, 0, size * size * 3);
        float[] raw = detector.run(input, new long[] {1, size, size, 3});
        if (raw.length != BlazeFace.ANCHORS * BlazeFace.COLUMNS) {
            throw new AnalysisException(detector.name() + ": output has " + raw.length
                    + " values, expected 896 x 17");
        }
        List<BlazeFace.Candidate> candidates = blazeFace.decode(raw, 0, settings.minConfidence());
        List<BlazeFace.Candidate> kept = settings.weightedNms()
                ? BlazeFace.weightedNms(candidates, settings.maxFaces(), settings.iouThreshold())
                : BlazeFace.hardNms(candidates, settings.maxFaces(), settings.iouThreshold());
        List<Geometry> faces = new ArrayList<>(kept.size());
        for (BlazeFace.Candidate c : kept) {
            float[] box = new float[4];
            for (int i = 0; i < 4; i += 2) {
                box[i] = (float) map.x(c.box()[i], c.box()[i + 1]);
                box[i + 1] = (float) map.y(c.box()[i], c.box()[i + 1]);
            }
            float[] keypoints = new float[BlazeFace.KEYPOINTS * 2];
            for (int i = 0; i < keypoints.length; i += 2) {
                keypoints[i] = (float) map.x(c.keypoints()[i], c.keypoints()[i + 1]);
                keypoints[i + 1] = (float) map.y(c.keypoints()[i], c.keypoints()[i + 1]);
            }
            if (!(box[2] > box[0] && box[3] > box[1])) {
                continue;
            }
            double angle = settings.align() ? FaceQualityMeter.rollRadians(keypoints) : 0;
            faces.add(new Geometry(src, box, keypoints, Math.min(1, Math.max(0, c.score())),
                    (box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0,
                    Math.max(box[2] - box[0], box[3] - box[1]), angle, FaceSource.DETECTED));
        }
        return faces;
    }

    /** Classifies the faces (one batch per classifier) and measures their quality. */
    private List<FaceResult> score(List<Geometry> faces, Workspace ws) {
        double[][] sums = classify(faces, ws);
        List<FaceResult> results = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            Geometry face = faces.get(i);
            for (double p : sums[i]) {
                if (!Double.isFinite(p)) {
                    throw new AnalysisException("a classifier gave a non-finite output for face "
                            + i + " (" + java.util.Arrays.toString(sums[i]) + ")");
                }
            }
            double total = 0;
            for (double p : sums[i]) {
                total += p;
            }
            for (int e = 0; e < sums[i].length && total > 0; e++) {
                sums[i][e] /= total;
            }
            Calibration.apply(sums[i], temperature);
            EmotionScores scores = EmotionScores.ofWeights(sums[i]);
            FaceQuality quality = quality(face, scores.probability(scores.dominant()), ws);
            float[] b = face.box();
            int x = (int) Math.floor(b[0]);
            int y = (int) Math.floor(b[1]);
            BoundingBox box = new BoundingBox(x, y, Math.max(1, Math.round(b[2] - x)),
                    Math.max(1, Math.round(b[3] - y)));
            results.add(new FaceResult(box, face.confidence(), scores, quality, face.source()));
        }
        return results;
    }

    /** Sums of weighted probabilities per face, in {@link Emotion} order. */
    double[][] classify(List<Geometry> faces, Workspace ws) {
        int n = faces.size();
        double[][] sums = new double[n][Emotion.values().length];
        int copies = settings.flip() ? 2 : 1;
        for (int ci = 0; ci < classifiers.size(); ci++) {
            Classifier classifier = classifiers.get(ci);
            ClassifierTranslator t = classifier.translator();
            int perRun = classifier.model().singleSample() ? 1 : MAX_BATCH;
            int total = n * copies;
            FloatBuffer input = ws.classifierInput(ci, Math.min(total, perRun) * t.sampleSize());
            float[] crop = ws.crop(t.width() * t.height() * 3);
            float[] row = ws.row(t.width() * 3);
            int cropped = -1;
            for (int start = 0; start < total; start += perRun) {
                int count = Math.min(perRun, total - start);
                for (int s = 0; s < count; s++) {
                    int face = (start + s) / copies;
                    if (face != cropped) {
                        crop(faces.get(face), t, crop, ws);
                        cropped = face;
                    }
                    t.write(crop, (start + s) % copies == 1, input, s, row);
                }
                float[] out = classifier.model().run(input, t.shape(count));
                if (out.length != count * t.classes()) {
                    throw new AnalysisException(classifier.model().name() + ": output has "
                            + out.length + " values for " + count + " samples, expected "
                            + t.classes() + " per sample (labels " + t.card().labels() + ")");
                }
                for (int s = 0; s < count; s++) {
                    t.accumulate(out, s, classifier.weight() / copies, sums[(start + s) / copies]);
                }
            }
        }
        return sums;
    }

    /** Samples the crop of one face for one classifier. */
    static void crop(Geometry face, ClassifierTranslator t, float[] dst, Workspace ws) {
        double side = face.side() * (face.callerCrop() ? 1.0 : t.card().cropScale());
        Affine map = Affine.squareRegion(face.cx(), face.cy(), side, face.angle(), t.width(),
                t.height());
        Resampling.sample(face.src(), map, t.width(), t.height(), 0f, dst, ws.scratch);
    }

    private FaceQuality quality(Geometry face, double topProbability, Workspace ws) {
        RgbImage src = face.src();
        int p = FaceQualityMeter.PATCH;
        Affine map = Affine.squareRegion(face.cx(), face.cy(), face.side(), face.angle(), p, p);
        float[] patch = ws.quality;
        Resampling.sample(src, map, p, p, Float.NaN, patch, ws.scratch);
        return meter.assess(patch, face.box(), src.width(), src.height(), face.keypoints(),
                face.confidence(), face.source().wholeImage(), topProbability);
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public void close() {
        lifetime.close(this::release);
    }

    private void release() {
        closed = true;
        idle.clear();
        RuntimeException failure = null;
        List<OnnxModel> models = new ArrayList<>();
        models.add(detector);
        classifiers.forEach(c -> models.add(c.model()));
        for (OnnxModel model : models) {
            try {
                model.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "OnnxFaceEmotionDetector[" + info.description() + "]";
    }

    /**
     * Where a face is and how to crop it, in source pixels.
     *
     * @param src the image the face is in
     * @param box x1, y1, x2, y2
     * @param keypoints BlazeFace's six keypoints, or null for a caller's crop
     * @param confidence detector score
     * @param cx crop centre x
     * @param cy crop centre y
     * @param side the larger side of the face box, before each classifier's crop scale
     * @param angle rotation of the crop, radians (0 without alignment)
     * @param source detected, or the whole image as the face (no crop margin then)
     */
    record Geometry(RgbImage src, float[] box, float[] keypoints, double confidence, double cx, double cy,
                    double side, double angle, FaceSource source) {

        /** Whether the whole image is the face, cropped without the classifiers' margins. */
        boolean callerCrop() {
            return source.wholeImage();
        }
    }

    /**
     * The reusable buffers of one call at a time. A buffer grows to what a call needs up to
     * {@link #KEPT_FLOATS} floats and is kept; a larger request gets a temporary buffer.
     */
    static final class Workspace {
        final Resampling.Scratch scratch = new Resampling.Scratch();
        final float[] quality = new float[FaceQualityMeter.PATCH * FaceQualityMeter.PATCH * 3];
        private final FloatBuffer[] classifierInputs;
        private FloatBuffer detectorInput;
        private float[] floats = new float[0];
        private float[] crop = new float[0];
        private float[] row = new float[0];

        Workspace(int classifiers) {
            this.classifierInputs = new FloatBuffer[classifiers];
        }

        FloatBuffer detectorInput(int count) {
            FloatBuffer buffer = direct(detectorInput, count);
            if (count <= KEPT_FLOATS) {
                detectorInput = buffer;
            }
            return buffer;
        }

        FloatBuffer classifierInput(int slot, int count) {
            FloatBuffer buffer = direct(classifierInputs[slot], count);
            if (count <= KEPT_FLOATS) {
                classifierInputs[slot] = buffer;
            }
            return buffer;
        }

        float[] floats(int count) {
            float[] array = array(floats, count);
            if (count <= KEPT_FLOATS) {
                floats = array;
            }
            return array;
        }

        float[] crop(int count) {
            float[] array = array(crop, count);
            if (count <= KEPT_FLOATS) {
                crop = array;
            }
            return array;
        }

        float[] row(int count) {
            float[] array = array(row, count);
            if (count <= KEPT_FLOATS) {
                row = array;
            }
            return array;
        }

        /** The floats, in floats, this workspace keeps for reuse (for tests). */
        long keptFloats() {
            long total = floats.length + crop.length + row.length
                    + (detectorInput == null ? 0 : detectorInput.capacity());
            for (FloatBuffer b : classifierInputs) {
                total += b == null ? 0 : b.capacity();
            }
            return total;
        }

        private static float[] array(float[] kept, int count) {
            return kept.length >= count ? kept : new float[count];
        }

        /** {@code kept} if large enough, else a new direct buffer in native order. */
        private static FloatBuffer direct(FloatBuffer kept, int count) {
            return kept != null && kept.capacity() >= count ? kept : OnnxModel.floatBuffer(count);
        }
    }
}
