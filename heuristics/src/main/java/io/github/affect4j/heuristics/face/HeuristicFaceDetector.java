package io.github.affect4j.heuristics.face;

import io.github.affect4j.AnalysisException;
import io.github.affect4j.BoundingBox;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.FaceSource;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.PixelFormat;
import io.github.affect4j.spi.DetectorLifetime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule-based face emotion detector: OpenCV Haar cascades find faces, eyes and smiles, and
 * {@link ExpressionRules} turn the measured cues into scores. See
 * {@link HeuristicFaceDetectorProvider} for the options and the rules.
 *
 * <p>Thread-safe. Calls run under a {@link DetectorLifetime} and borrow a {@link CascadeSet} from
 * a pool (OpenCV objects must not be shared between threads); {@link #close()} waits for running
 * calls and then drops the pool.
 */
final class HeuristicFaceDetector implements FaceEmotionDetector {

    static final String DESCRIPTION = "rule-based fallback, not a trained emotion model: OpenCV"
            + " Haar cascades (frontal face alt2, eyes, smile) and hand-written cue rules";

    private static final Logger LOG = LoggerFactory.getLogger(HeuristicFaceDetector.class);
    /** How far the face box is extended below the cascade's box, as a share of its height. */
    static final double CHIN_EXTENSION = 0.2;
    /** Idle cascade sets kept beyond this are dropped; more threads than this still work. */
    private static final int MAX_IDLE_SETS = 16;

    private final HeuristicFaceOptions options;
    /** Resolved anew for each new cascade set, so bundled files removed by a temp cleaner come back. */
    private final Supplier<Path> cascadeDirectory;
    private final DetectorInfo info;
    private final DetectorLifetime lifetime =
            new DetectorLifetime("the heuristic face emotion detector");
    private final ConcurrentLinkedDeque<CascadeSet> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /**
     * Loads the cascades once, so a broken cascade fails here rather than in the first call.
     *
     * @throws IllegalStateException if a cascade cannot be loaded
     */
    HeuristicFaceDetector(HeuristicFaceOptions options, Supplier<Path> cascadeDirectory,
                          String openCvVersion) {
        this.options = options;
        this.cascadeDirectory = cascadeDirectory;
        this.info = new DetectorInfo(HeuristicFaceDetectorProvider.ID,
                DESCRIPTION + " (OpenCV " + openCvVersion + ")", "none");
        giveBack(new CascadeSet(cascadeDirectory.get()));
    }

    @Override
    public FaceAnalysis analyze(ImageFrame image) {
        Objects.requireNonNull(image, "image");
        return guarded("analyze " + image, cascades -> {
            List<FaceResult> faces = detect(cascades, image);
            LOG.debug("{}: {} face(s)", image, faces.size());
            return new FaceAnalysis(image.width(), image.height(), faces, info);
        });
    }

    @Override
    public FaceResult analyzeFace(ImageFrame faceCrop) {
        Objects.requireNonNull(faceCrop, "faceCrop");
        return guarded("analyze the face crop " + faceCrop, cascades -> {
            try (NativeScope scope = new NativeScope()) {
                Mat gray = grayMat(faceCrop, scope);
                Rect whole = new Rect(0, 0, faceCrop.width(), faceCrop.height());
                CueMeter.Measurement measurement =
                        CueMeter.measure(cascades, CueMeter.patch(gray, whole, scope), scope);
                int size = Math.min(faceCrop.width(), faceCrop.height());
                return new FaceResult(new BoundingBox(0, 0, faceCrop.width(), faceCrop.height()),
                        1.0, ExpressionRules.scores(measurement.cues()),
                        QualityRules.assess(size, options.minFaceSize(), measurement, 1.0, false),
                        FaceSource.WHOLE_IMAGE_GIVEN);
            }
        });
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    /** Waits for running calls, then drops the cascades; later calls fail. Idempotent. */
    @Override
    public void close() {
        lifetime.close(this::release);
    }

    private void release() {
        idle.clear();
        idleCount.set(0);
        LOG.debug("heuristic face detector closed");
    }

    @Override
    public String toString() {
        return "HeuristicFaceDetector" + options;
    }

    /**
     * Runs one call under the read lock with a borrowed cascade set. Failures other than bad
     * arguments become {@link AnalysisException}; {@link IllegalStateException} means closed.
     */
    private <T> T guarded(String what, Function<CascadeSet, T> work) {
        return lifetime.call(() -> {
            CascadeSet cascades;
            try {
                cascades = borrow();
            } catch (RuntimeException e) {
                throw translate(e, what);
            }
            try {
                return work.apply(cascades);
            } catch (RuntimeException e) {
                throw translate(e, what);
            } finally {
                giveBack(cascades);
            }
        });
    }

    private CascadeSet borrow() {
        CascadeSet cascades = idle.pollFirst();
        if (cascades != null) {
            idleCount.decrementAndGet();
            return cascades;
        }
        return new CascadeSet(cascadeDirectory.get());
    }

    private void giveBack(CascadeSet cascades) {
        // Under the read lock (or in the constructor), so close() cannot be clearing the pool now.
        if (idleCount.incrementAndGet() <= MAX_IDLE_SETS) {
            idle.offerFirst(cascades);
        } else {
            idleCount.decrementAndGet();
        }
    }

    private static RuntimeException translate(RuntimeException e, String what) {
        if (e instanceof IllegalArgumentException || e instanceof AnalysisException) {
            return e;
        }
        // CvException from inside OpenCV, a cascade that cannot be loaded any more, and the like;
        // IllegalStateException is reserved for "closed".
        return new AnalysisException("heuristic face detector failed to " + what + ": " + e, e);
    }

    private List<FaceResult> detect(CascadeSet cascades, ImageFrame image) {
        int width = image.width();
        int height = image.height();
        double scale = Math.min(1.0, options.maxImageSide() / (double) Math.max(width, height));
        int workWidth = Math.max(1, (int) Math.round(width * scale));
        int workHeight = Math.max(1, (int) Math.round(height * scale));
        int minWindow = Math.max(HeuristicFaceOptions.CASCADE_WINDOW,
                (int) Math.ceil(options.smallestFace() * scale));
        if (Math.min(workWidth, workHeight) < minWindow) {
            // No face of the searched sizes fits; OpenCV is not asked at all.
            return List.of();
        }
        List<FaceResult> faces = new ArrayList<>();
        try (NativeScope scope = new NativeScope()) {
            Mat gray = grayMat(image, scope);
            Mat work = gray;
            if (scale < 1.0) {
                work = scope.add(new Mat());
                Imgproc.resize(gray, work, new Size(workWidth, workHeight), 0, 0, Imgproc.INTER_AREA);
            }
            // Local (CLAHE), not global, equalisation: a global histogram depends on the whole
            // image, and a large plain background squeezed a face's contrast until it was missed.
            Mat equalized = scope.add(new Mat());
            cascades.contrast.apply(work, equalized);
            for (FaceCandidate candidate : Detections.merge(findFaces(cascades, equalized, minWindow))) {
                FaceResult face = measureFace(cascades, gray, candidate, scale, scope);
                if (face != null) {
                    faces.add(face);
                }
            }
        }
        faces.sort(Comparator.comparingDouble(FaceResult::confidence).reversed()
                .thenComparing(face -> -face.box().area())
                .thenComparingInt(face -> face.box().x())
                .thenComparingInt(face -> face.box().y()));
        return faces;
    }

    private List<FaceCandidate> findFaces(CascadeSet cascades, Mat equalized, int minWindow) {
        MatOfRect rects = new MatOfRect();
        MatOfInt neighbours = new MatOfInt();
        try {
            cascades.face.detectMultiScale2(equalized, rects, neighbours, options.scaleFactor(),
                    options.minNeighbors(), 0, new Size(minWindow, minWindow), new Size());
            // An empty result must not be read with toArray(): OpenCV reports a type mismatch.
            if (rects.empty() || neighbours.empty()) {
                return List.of();
            }
            Rect[] boxes = rects.toArray();
            int[] counts = neighbours.toArray();
            List<FaceCandidate> candidates = new ArrayList<>(boxes.length);
            for (int i = 0; i < boxes.length && i < counts.length; i++) {
                Rect box = boxes[i];
                candidates.add(new FaceCandidate(box.x, box.y, box.width, box.height, counts[i]));
            }
            return candidates;
        } finally {
            rects.release();
            neighbours.release();
        }
    }

    /**
     * Maps a detection back to source pixels, extended down to the chin, and measures it; null if
     * below {@code minConfidence}.
     */
    private FaceResult measureFace(CascadeSet cascades, Mat gray, FaceCandidate candidate,
                                   double scale, NativeScope scope) {
        double left = candidate.x() / scale;
        double top = candidate.y() / scale;
        double right = (candidate.x() + candidate.width()) / scale;
        // The cascade's box ends about at the lower lip; the chin lies below it.
        double bottom = (candidate.y() + candidate.height() * (1 + CHIN_EXTENSION)) / scale;
        int x0 = clamp((int) Math.floor(left), 0, gray.cols() - 1);
        int y0 = clamp((int) Math.floor(top), 0, gray.rows() - 1);
        int x1 = clamp((int) Math.ceil(right), x0 + 1, gray.cols());
        int y1 = clamp((int) Math.ceil(bottom), y0 + 1, gray.rows());
        boolean cutOff = left < 0.5 || top < 0.5 || right > gray.cols() - 0.5
                || bottom > gray.rows() + 0.5;
        Rect region = new Rect(x0, y0, x1 - x0, y1 - y0);
        CueMeter.Measurement measurement =
                CueMeter.measure(cascades, CueMeter.patch(gray, region, scope), scope);
        FaceCues cues = measurement.cues();
        double confidence = Detections.confidence(candidate.neighbours(),
                cues.leftEyeHits() + cues.rightEyeHits());
        if (confidence < options.minConfidence()) {
            LOG.debug("dropped a detection at {} with confidence {}", region, confidence);
            return null;
        }
        return new FaceResult(new BoundingBox(x0, y0, x1 - x0, y1 - y0), confidence,
                ExpressionRules.scores(cues),
                QualityRules.assess(Math.min(x1 - x0, y1 - y0), options.minFaceSize(), measurement,
                        confidence, cutOff));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The image as an 8-bit grey matrix (luminance 0.299 R + 0.587 G + 0.114 B). */
    private static Mat grayMat(ImageFrame image, NativeScope scope) {
        Mat gray = scope.add(new Mat(image.height(), image.width(), CvType.CV_8UC1));
        gray.put(0, 0, image.toBytes(PixelFormat.GRAY));
        return gray;
    }
}
