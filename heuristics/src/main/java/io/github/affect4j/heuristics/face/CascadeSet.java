package io.github.affect4j.heuristics.face;

import java.nio.file.Path;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * One thread's copies of the three cascades and of the contrast equaliser. OpenCV objects are not
 * safe for concurrent use, so the detector lends each running call a set of its own from a pool.
 * A set takes about 0.4 MB and 15 to 30 ms to load (measured on a 2-core machine). OpenCV's Java
 * classes have no explicit release: the native memory of a set is freed by OpenCV's finalizer once
 * the set is no longer referenced.
 */
final class CascadeSet {

    final CascadeClassifier face;
    final CascadeClassifier eye;
    final CascadeClassifier smile;
    /** Contrast-limited adaptive histogram equalisation (clip limit 2, 8 x 8 tiles). */
    final CLAHE contrast;

    /**
     * Loads the cascades from a folder.
     *
     * @throws IllegalStateException naming the file if OpenCV cannot load one
     */
    CascadeSet(Path directory) {
        face = load(directory, BundledCascades.FACE);
        eye = load(directory, BundledCascades.EYE);
        smile = load(directory, BundledCascades.SMILE);
        contrast = Imgproc.createCLAHE(2.0, new Size(8, 8));
    }

    private static CascadeClassifier load(Path directory, String name) {
        Path file = directory.resolve(name);
        CascadeClassifier classifier = new CascadeClassifier();
        boolean loaded;
        try {
            loaded = classifier.load(file.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("OpenCV cannot load the cascade " + file + ": " + e, e);
        }
        if (!loaded || classifier.empty()) {
            throw new IllegalStateException("OpenCV cannot load the cascade " + file
                    + ": missing, unreadable or not a cascade");
        }
        return classifier;
    }
}
