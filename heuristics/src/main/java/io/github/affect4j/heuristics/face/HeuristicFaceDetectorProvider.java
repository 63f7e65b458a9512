package io.github.affect4j.heuristics.face;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import io.github.affect4j.spi.FaceDetectorProvider;
import io.github.affect4j.spi.OptionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rule-based face emotion detector, id {@value #ID}: the openly logged fallback used when no
 * model-backed face detector is available. It is not a trained emotion model. OpenCV Haar
 * cascades find frontal faces, eyes and smiles; a few hand-written rules turn what they find into
 * scores. Expect it to recognise clear smiles and little else: for every other expression its
 * cues are weak, and it then reports a neutral-dominated distribution rather than a guess.
 *
 * <h2>Options</h2>
 * Declared in {@link #options()} ({@code ./affect4j detectors} prints them):
 * <table>
 *   <caption>Options of the heuristic face detector</caption>
 *   <tr><th>name</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code minFaceSize}</td><td>40</td><td>faces whose shorter box side is below this
 *       many source pixels are still reported, but flagged {@code SMALL} and not assessable
 *       (1 to 10000)</td></tr>
 *   <tr><td>{@code smallestFace}</td><td>24</td><td>faces smaller than this are not searched for
 *       at all (20, the cascade window, to 10000); in a downscaled image the limit is at least
 *       {@code 20 / scale} source pixels</td></tr>
 *   <tr><td>{@code maxImageSide}</td><td>1024</td><td>images with a longer side are downscaled
 *       to it for detection (64 to 16384); boxes are mapped back to source pixels and cues are
 *       measured at full resolution</td></tr>
 *   <tr><td>{@code scaleFactor}</td><td>1.1</td><td>step between detection scales (1.01 to 2);
 *       smaller finds more faces, slower</td></tr>
 *   <tr><td>{@code minNeighbors}</td><td>3</td><td>overlapping raw windows a detection needs
 *       (1 to 100); higher gives fewer false faces and misses more real ones</td></tr>
 *   <tr><td>{@code minConfidence}</td><td>0.35</td><td>detections with a lower confidence are
 *       not reported (0 to 1, the meaning it has on every affect4j provider); those below 0.5
 *       are kept but flagged {@code LOW_CONFIDENCE}</td></tr>
 *   <tr><td>{@code cascadeDirectory}</td><td>none</td><td>a folder holding
 *       {@code haarcascade_frontalface_alt2.xml}, {@code haarcascade_eye.xml} and
 *       {@code haarcascade_smile.xml} to load instead of the copies bundled in this jar, which
 *       are otherwise extracted once per JVM into {@code java.io.tmpdir}</td></tr>
 * </table>
 * An undeclared name or a value out of range fails the build with
 * {@link io.github.affect4j.InvalidOptionException}; a {@code cascadeDirectory} without the
 * three files makes {@link #availability} report the provider unavailable.
 *
 * <h2>Natives and temporary files</h2>
 * {@link #create} loads OpenCV's native library once per class loader. By default
 * {@code org.openpnp:opencv} copies it (about 62 MB on Linux x86-64) into a new folder
 * {@code opencv_openpnp*} under {@code java.io.tmpdir} on every JVM start and deletes it at exit.
 * Where the temp folder is read-only or mounted {@code noexec}, set the system property
 * {@code affect4j.opencv.library} to an installed OpenCV 4.9 Java library file
 * ({@code libopencv_java490.so}), or point {@code -Djava.io.tmpdir} elsewhere. The bundled
 * cascades (about 1 MB) are extracted likewise, once, into {@code affect4j-cascades*}.
 *
 * <h2>Detection and confidence</h2>
 * The image is converted to grey, downscaled to {@code maxImageSide}, equalised locally (CLAHE,
 * clip limit 2, 8 x 8 tiles: global equalisation depends on the whole image, and a large plain
 * background made faces undetectable) and searched with {@code haarcascade_frontalface_alt2}.
 * Detections that overlap (intersection over union above 0.3, or half of the smaller box covered)
 * are merged, keeping the one with the most neighbours. The cascade's box runs from the brows to
 * the lower lip; the reported box extends it downwards by 20 % to take in the chin, and is mapped
 * back to source pixels, clipped to the image. The confidence is
 * {@code 0.5 (1 - exp(-n / 15)) + 0.5 (1 - exp(-e / 20))}, with {@code n} the detection's
 * neighbour count and {@code e} the eye-cascade windows found in the face's upper half: a frontal
 * face with open eyes scores about 0.9, a textured non-face rarely above 0.5.
 *
 * <h2>Cues</h2>
 * Each face is resized to a 128 x 128 grey patch; all cues are measured there:
 * <ul>
 *   <li><b>smile</b>: raw smile-cascade windows (at least 44 x 22, no grouping) in the lower half
 *       of the face and centred on it, {@code 1 - exp(-max(0, hits - 20) / 100)}. On the photos
 *       tried, relaxed mouths gave up to about 40 windows, broad smiles 150 to 350. The cascade
 *       also responds to raised cheeks, so a smile is read even with the mouth hidden.</li>
 *   <li><b>eyesOpen</b>: raw eye-cascade windows in the left and right upper quadrants,
 *       {@code 1 - exp(-sqrt(left * right) / 25)}. Closed or squinting eyes, glasses with glare
 *       and deep shadow all read as closed.</li>
 *   <li><b>mouthOpen</b>: height of the largest dark blob (darker than 0.45 times the median of
 *       nose and cheeks) in the middle of the mouth region that does not run into the region's
 *       sides or bottom, as a share of the face height; 0 below 0.06, 1 from 0.16. Dark lipstick
 *       or a moustache also reads as an open mouth.</li>
 *   <li><b>browFurrow</b>: mean horizontal gradient between the brows over the face's mean
 *       gradient; 0 below 0.45, 1 from 0.85. Hair across the forehead reads as a furrow.</li>
 * </ul>
 * The cues, and the raw measurements behind them, are reported in
 * {@link io.github.affect4j.FaceQuality#measures()} as {@code cue.*} and {@code raw.*}, so that
 * every score can be traced back to what was measured.
 *
 * <h2>Rules</h2>
 * <pre>
 * neutral   = 1.0
 * happiness = 0.05 + 2.5 smile
 * surprise  = 0.05 + 2.0 mouthOpen eyesOpen (1 - smile)
 * fear      = 0.05 + 1.0 mouthOpen browFurrow (1 - smile)
 * anger     = 0.05 + 0.8 browFurrow (1 - mouthOpen) (1 - smile)
 * disgust   = 0.05 + 0.3 browFurrow (1 - smile)
 * sadness   = 0.05 + 0.4 (1 - eyesOpen) (1 - mouthOpen) (1 - smile)
 * contempt  = 0.05
 * </pre>
 * normalised to sum 1. With no cue present neutral gets 0.74 (0.57 when no eyes are found, which
 * raises sadness to 0.26); a smile cue above 0.38 makes happiness dominant; the negative
 * categories need two cues to agree before they can reach neutral. Contempt has no cue.
 *
 * <h2>Quality</h2>
 * Faces are flagged, and then not assessable, when {@code SMALL} (below {@code minFaceSize}),
 * {@code BLURRY} (variance of the Laplacian of the patch below 15), {@code UNDEREXPOSED} or
 * {@code OVEREXPOSED} (mean luminance of the central patch below 0.18 or above 0.85),
 * {@code CUT_OFF} (the box, chin extension included, reaches the image border) or
 * {@code LOW_CONFIDENCE} (below 0.5).
 * The measures {@code faceSize}, {@code sharpness} and {@code brightness} are reported.
 *
 * <h2>Threads and cost</h2>
 * One detector may be shared by all threads. Each running call borrows its own copy of the
 * cascades (OpenCV objects give wrong results when shared), about 0.4 MB, from a pool that keeps
 * up to 16 idle copies; {@code close()} waits for running calls and drops the pool. On a 2-core
 * machine {@code analyze} took about 150 ms for the 512 x 512 sample photo, most of it in the
 * face cascade ({@code smallestFace}, {@code scaleFactor} and {@code maxImageSide} trade recall
 * for speed), and {@code analyzeFace} about 13 ms per crop.
 *
 * <h2>Inputs</h2>
 * Any image size is accepted. Images too small for the smallest searched face (including 1 x 1)
 * give no faces without calling OpenCV. {@code analyzeFace} takes the whole crop as the face,
 * stretched to a square: it expects a tight crop from the brows to the chin, as the cue regions
 * are fixed fractions of the box; a crop of a few pixels gives a result flagged {@code SMALL}.
 */
public final class HeuristicFaceDetectorProvider implements FaceDetectorProvider {

    /** This provider's id. */
    public static final String ID = "heuristic";

    /** Creates the provider; cheap, loads nothing. */
    public HeuristicFaceDetectorProvider() {
    }

    /** The options in the table above. */
    @Override
    public List<OptionSpec> options() {
        return HeuristicFaceOptions.OPTIONS;
    }

    /** {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /** {@value DetectorProvider#HEURISTIC_PRIORITY}: used only when no model-backed provider is. */
    @Override
    public int priority() {
        return DetectorProvider.HEURISTIC_PRIORITY;
    }

    /**
     * Checks, without loading natives, that OpenCV's Java classes and the bundled cascades are
     * on the class path and that {@code cascadeDirectory}, if given, holds the cascades.
     */
    @Override
    public Availability availability(DetectorConfig config) {
        ClassLoader loader = HeuristicFaceDetectorProvider.class.getClassLoader();
        for (String type : new String[] {"org.opencv.objdetect.CascadeClassifier",
                "nu.pattern.OpenCV"}) {
            try {
                // initialize=false: Core-dependent static initialisers would call natives.
                Class.forName(type, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Availability.unavailable("OpenCV class " + type + " is not on the class path:"
                        + " add org.openpnp:opencv 4.9.0-0");
            }
        }
        for (String name : BundledCascades.NAMES) {
            if (BundledCascades.class.getResource(name) == null) {
                return Availability.unavailable("bundled cascade " + name + " is missing from the"
                        + " affect4j-heuristics jar");
            }
        }
        try {
            HeuristicFaceOptions.from(config);
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage());
        }
        return Availability.ready();
    }

    /**
     * Loads the OpenCV natives (once per class loader) and the cascades, and creates a detector.
     *
     * @throws IllegalArgumentException if {@code cascadeDirectory} lacks a cascade
     * @throws IllegalStateException if the OpenCV natives or a cascade cannot be loaded
     * @throws java.io.UncheckedIOException if the bundled cascades cannot be extracted
     */
    @Override
    public FaceEmotionDetector create(DetectorConfig config) {
        HeuristicFaceOptions options = HeuristicFaceOptions.from(config);
        String version = OpenCvNatives.load();
        Path configured = options.cascadeDirectory();
        Supplier<Path> cascades = configured != null ? () -> configured : BundledCascades::directory;
        return new HeuristicFaceDetector(options, cascades, version);
    }
}
