package io.github.affect4j.heuristics.face;

import java.util.ArrayDeque;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Measures expression cues and image quality on one face.
 *
 * <p>The face region is resized to a {@value #PATCH} x {@value #PATCH} grey patch first, so every
 * count and ratio is comparable between faces of different sizes. Regions are fixed fractions of
 * the patch, laid out for a box from the brows (or the hair line) to the chin, as the detector
 * reports it: eyes in rows 12 to 50 % of the height, mouth in the lower half.
 */
final class CueMeter {

    /** Side of the square face patch, in pixels. */
    static final int PATCH = 128;

    /** Scale step for the eye and smile cascades: finer than for faces, as the counts matter. */
    private static final double PART_SCALE_FACTOR = 1.05;
    private static final Size EYE_MIN = new Size(16, 16);
    /** Smiles span about a third of the face width or more; smaller windows are lip texture. */
    private static final Size SMILE_MIN = new Size(44, 22);
    /** Smile windows must be centred within this share of the mouth region's width. */
    private static final double SMILE_CENTRE_TOLERANCE = 0.12;
    /** A mouth gap is darker than this share of the median skin (nose and cheeks) luminance. */
    private static final double GAP_DARKNESS = 0.45;

    private CueMeter() {
    }

    /**
     * What was measured on one face.
     *
     * @param cues the expression cues
     * @param sharpness variance of the Laplacian of the patch (grey levels squared)
     * @param brightness mean luminance of the central patch, 0 to 1
     */
    record Measurement(FaceCues cues, double sharpness, double brightness) {
    }

    /**
     * Cuts a face region out of a grey image and resizes it to the patch size.
     *
     * @param gray the whole image, 8-bit single channel
     * @param region the face, inside the image
     */
    static Mat patch(Mat gray, Rect region, NativeScope scope) {
        Mat face = scope.add(gray.submat(region));
        Mat patch = scope.add(new Mat());
        int interpolation = region.width > PATCH ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Imgproc.resize(face, patch, new Size(PATCH, PATCH), 0, 0, interpolation);
        return patch;
    }

    /** Measures cues and quality on a patch made by {@link #patch}. */
    static Measurement measure(CascadeSet cascades, Mat patch, NativeScope scope) {
        byte[] pixels = new byte[PATCH * PATCH];
        patch.get(0, 0, pixels);

        Mat equalized = scope.add(new Mat());
        Imgproc.equalizeHist(patch, equalized);

        int eyeTop = frac(0.12);
        int eyeBottom = frac(0.5);
        int leftEyes = count(cascades.eye, scope.add(equalized.submat(eyeTop, eyeBottom, 0, PATCH / 2)),
                EYE_MIN, 1.0);
        int rightEyes = count(cascades.eye,
                scope.add(equalized.submat(eyeTop, eyeBottom, PATCH / 2, PATCH)), EYE_MIN, 1.0);
        int smiles = count(cascades.smile,
                scope.add(equalized.submat(frac(0.5), PATCH, frac(0.15), frac(0.85))), SMILE_MIN,
                SMILE_CENTRE_TOLERANCE);

        FaceCues cues = FaceCues.of(smiles, leftEyes, rightEyes, mouthGap(pixels),
                furrowRatio(equalized, scope));
        return new Measurement(cues, sharpness(patch, scope), brightness(pixels));
    }

    private static int frac(double share) {
        return (int) Math.round(share * PATCH);
    }

    /**
     * Counts raw cascade windows (no grouping) whose centre lies within {@code tolerance} times
     * the region width of the region's vertical centre line. More windows at more positions and
     * scales mean a clearer instance of the pattern; this is the smile-intensity measure of
     * OpenCV's own smile sample.
     */
    private static int count(CascadeClassifier cascade, Mat region, Size minSize, double tolerance) {
        if (region.cols() < minSize.width || region.rows() < minSize.height) {
            return 0;
        }
        MatOfRect hits = new MatOfRect();
        MatOfInt neighbours = new MatOfInt();
        try {
            cascade.detectMultiScale2(region, hits, neighbours, PART_SCALE_FACTOR, 0, 0, minSize,
                    new Size());
            if (hits.empty()) {
                return 0;
            }
            double centre = region.cols() / 2.0;
            int count = 0;
            for (Rect hit : hits.toArray()) {
                if (Math.abs(hit.x + hit.width / 2.0 - centre) <= tolerance * region.cols()) {
                    count++;
                }
            }
            return count;
        } finally {
            hits.release();
            neighbours.release();
        }
    }

    /**
     * The height, as a share of the patch, of the largest dark blob in the middle of the mouth
     * region that does not run into the region's sides or bottom: the gap of an open mouth. Dark
     * means darker than {@value #GAP_DARKNESS} times the median luminance of the nose and cheeks,
     * so the measure follows the face's own exposure.
     */
    static double mouthGap(byte[] pixels) {
        int skin = median(pixels, frac(0.4), frac(0.55), frac(0.3), frac(0.7));
        double threshold = GAP_DARKNESS * skin;
        int top = frac(0.52);
        int left = frac(0.3);
        int rows = frac(0.92) - top;
        int cols = frac(0.7) - left;
        boolean[] dark = new boolean[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                dark[y * cols + x] = (pixels[(top + y) * PATCH + left + x] & 0xff) < threshold;
            }
        }
        int bestArea = 0;
        int bestHeight = 0;
        boolean[] seen = new boolean[dark.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < dark.length; start++) {
            if (!dark[start] || seen[start]) {
                continue;
            }
            // Flood fill one 4-connected blob, tracking its area, vertical extent and centroid.
            int area = 0;
            int minY = rows;
            int maxY = -1;
            long sumX = 0;
            boolean touchesBorder = false;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int index = queue.poll();
                int y = index / cols;
                int x = index % cols;
                area++;
                sumX += x;
                touchesBorder |= x == 0 || x == cols - 1 || y == rows - 1;
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                if (x > 0) {
                    visit(index - 1, dark, seen, queue);
                }
                if (x < cols - 1) {
                    visit(index + 1, dark, seen, queue);
                }
                if (y > 0) {
                    visit(index - cols, dark, seen, queue);
                }
                if (y < rows - 1) {
                    visit(index + cols, dark, seen, queue);
                }
            }
            double centroid = sumX / (double) area / cols;
            // A mouth gap is enclosed by the lips; dark areas running into the sides or the bottom
            // of the region are hair, shadow or a dark background.
            if (!touchesBorder && centroid >= 0.25 && centroid <= 0.75 && area > bestArea) {
                bestArea = area;
                bestHeight = maxY - minY + 1;
            }
        }
        return bestHeight / (double) PATCH;
    }

    private static void visit(int index, boolean[] dark, boolean[] seen, ArrayDeque<Integer> queue) {
        if (dark[index] && !seen[index]) {
            seen[index] = true;
            queue.add(index);
        }
    }

    private static int median(byte[] pixels, int top, int bottom, int left, int right) {
        int[] histogram = new int[256];
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                histogram[pixels[y * PATCH + x] & 0xff]++;
            }
        }
        int half = (bottom - top) * (right - left) / 2;
        int seen = 0;
        for (int value = 0; value < 256; value++) {
            seen += histogram[value];
            if (seen > half) {
                return value;
            }
        }
        return 255;
    }

    /**
     * Mean absolute horizontal gradient between the brows (the glabella, where a frown draws
     * vertical lines) divided by the mean absolute gradient, both directions, over the patch.
     */
    private static double furrowRatio(Mat equalized, NativeScope scope) {
        Mat gx = scope.add(new Mat());
        Mat gy = scope.add(new Mat());
        Imgproc.Sobel(equalized, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(equalized, gy, CvType.CV_32F, 0, 1);
        Core.absdiff(gx, org.opencv.core.Scalar.all(0), gx);
        Core.absdiff(gy, org.opencv.core.Scalar.all(0), gy);
        double whole = Core.mean(gx).val[0] + Core.mean(gy).val[0];
        if (whole <= 0) {
            return 0;
        }
        Mat glabella = scope.add(gx.submat(frac(0.08), frac(0.27), frac(0.4), frac(0.6)));
        return Core.mean(glabella).val[0] / whole;
    }

    /** Variance of the Laplacian: low when the face lacks fine detail. */
    private static double sharpness(Mat patch, NativeScope scope) {
        Mat laplacian = scope.add(new Mat());
        Imgproc.Laplacian(patch, laplacian, CvType.CV_64F);
        MatOfDouble mean = scope.add(new MatOfDouble());
        MatOfDouble deviation = scope.add(new MatOfDouble());
        Core.meanStdDev(laplacian, mean, deviation);
        double sd = deviation.toArray()[0];
        return sd * sd;
    }

    /** Mean luminance of the central 60 % of the patch, 0 to 1. */
    private static double brightness(byte[] pixels) {
        long sum = 0;
        int count = 0;
        for (int y = frac(0.2); y < frac(0.8); y++) {
            for (int x = frac(0.2); x < frac(0.8); x++) {
                sum += pixels[y * PATCH + x] & 0xff;
                count++;
            }
        }
        return sum / (255.0 * count);
    }
}
