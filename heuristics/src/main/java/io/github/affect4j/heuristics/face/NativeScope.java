package io.github.affect4j.heuristics.face;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Releases the pixel buffers of every {@link Mat} made inside one analysis step as soon as the
 * step ends, instead of waiting for OpenCV's finalizers. Not thread-safe: one scope per call.
 */
final class NativeScope implements AutoCloseable {

    private final List<Mat> mats = new ArrayList<>();

    /** Registers a matrix (or a view of one) for release when the scope closes. */
    <M extends Mat> M add(M mat) {
        mats.add(mat);
        return mat;
    }

    /** Releases the registered matrices, newest first. */
    @Override
    public void close() {
        for (int i = mats.size() - 1; i >= 0; i--) {
            mats.get(i).release();
        }
        mats.clear();
    }
}
