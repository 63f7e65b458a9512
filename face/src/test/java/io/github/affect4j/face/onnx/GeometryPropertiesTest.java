package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of the face pipeline's geometry over generated image sizes, boxes and angles
 * (jqwik): the detector-input map, the square crop regions and the resampling that reads through
 * them. Output boxes themselves are not clamped ({@code BoundingBox} allows a box past the
 * border); what must hold is that every step maps the image onto itself without drift, and that
 * sampling never invents values outside the source's range.
 */
class GeometryPropertiesTest {

    private static final double EPS = 1e-6;

    /** The part of the detector input that shows the image maps exactly onto the image. */
    @Property(tries = 300)
    void detectorInputMapsTheImageOntoItself(@ForAll @IntRange(min = 1, max = 8000) int width,
                                             @ForAll @IntRange(min = 1, max = 8000) int height,
                                             @ForAll boolean letterbox,
                                             @ForAll @IntRange(min = 1, max = 16) int blocks) {
        int size = 16 * blocks;
        Affine map = Affine.detectorInput(width, height, size, letterbox);
        assertEquals(0, map.b());
        assertEquals(0, map.d());
        if (letterbox) {
            assertEquals(map.a(), map.e(), "the aspect ratio is kept");
        }
        // The content region of the input: the whole square, less the letterbox padding.
        double scale = letterbox ? size / (double) Math.max(width, height) : Double.NaN;
        double padX = letterbox ? (size - width * scale) / 2 : 0;
        double padY = letterbox ? (size - height * scale) / 2 : 0;
        assertTrue(padX > -EPS && padY > -EPS && Math.min(padX, padY) < EPS,
                "padding on one axis at most: " + padX + ", " + padY);
        assertEquals(0, map.x(padX, padY), EPS * width);
        assertEquals(0, map.y(padX, padY), EPS * height);
        assertEquals(width, map.x(size - padX, size - padY), EPS * width);
        assertEquals(height, map.y(size - padX, size - padY), EPS * height);
    }

    /** A box detected inside the image's part of the input comes back inside the image. */
    @Property(tries = 300)
    void boxesInsideTheContentStayInsideTheImage(
            @ForAll @IntRange(min = 1, max = 8000) int width,
            @ForAll @IntRange(min = 1, max = 8000) int height, @ForAll boolean letterbox,
            @ForAll @DoubleRange(min = 0, max = 1) double fx1,
            @ForAll @DoubleRange(min = 0, max = 1) double fx2,
            @ForAll @DoubleRange(min = 0, max = 1) double fy1,
            @ForAll @DoubleRange(min = 0, max = 1) double fy2) {
        int size = 128;
        double scale = size / (double) Math.max(width, height);
        double padX = letterbox ? (size - width * scale) / 2 : 0;
        double padY = letterbox ? (size - height * scale) / 2 : 0;
        double span = size - 2 * padX;
        double spanY = size - 2 * padY;
        float[] box = {(float) (padX + Math.min(fx1, fx2) * span),
            (float) (padY + Math.min(fy1, fy2) * spanY),
            (float) (padX + Math.max(fx1, fx2) * span),
            (float) (padY + Math.max(fy1, fy2) * spanY)};
        Affine map = Affine.detectorInput(width, height, size, letterbox);
        double x1 = map.x(box[0], box[1]);
        double y1 = map.y(box[0], box[1]);
        double x2 = map.x(box[2], box[3]);
        double y2 = map.y(box[2], box[3]);
        double slackX = 1e-3 * width;
        double slackY = 1e-3 * height;
        assertTrue(x1 >= -slackX && x2 <= width + slackX && x1 <= x2 + slackX, x1 + ".." + x2);
        assertTrue(y1 >= -slackY && y2 <= height + slackY && y1 <= y2 + slackY, y1 + ".." + y2);
    }

    /** A square crop region is centred where asked, turned as asked, and of the side asked. */
    @Property(tries = 300)
    void squareRegionsKeepTheirCentreSideAndAngle(
            @ForAll @DoubleRange(min = -500, max = 5000) double cx,
            @ForAll @DoubleRange(min = -500, max = 5000) double cy,
            @ForAll @DoubleRange(min = 1, max = 4000) double side,
            @ForAll @DoubleRange(min = -3.14159, max = 3.14159) @Scale(5) double angle,
            @ForAll @IntRange(min = 8, max = 260) int patch) {
        Affine map = Affine.squareRegion(cx, cy, side, angle, patch, patch);
        assertEquals(cx, map.x(patch / 2.0, patch / 2.0), 1e-6 * (1 + Math.abs(cx)));
        assertEquals(cy, map.y(patch / 2.0, patch / 2.0), 1e-6 * (1 + Math.abs(cy)));
        assertEquals(side / patch, map.maxStep(), 1e-9 * side);
        // The top edge of the patch runs along the angle and is one side long.
        double dx = map.x(patch, 0) - map.x(0, 0);
        double dy = map.y(patch, 0) - map.y(0, 0);
        assertEquals(side, Math.hypot(dx, dy), 1e-9 * side);
        double turned = Math.atan2(dy, dx) - angle;
        assertEquals(0, Math.atan2(Math.sin(turned), Math.cos(turned)), 1e-9);
    }

    /**
     * Sampling is a weighted mean of source pixels (and of the outside value where the region
     * leaves the image), so every output lies between the smallest and largest of those, whatever
     * the region, shrink factor or angle.
     */
    @Property(tries = 150)
    void samplingStaysWithinTheSourceRange(
            @ForAll @IntRange(min = 1, max = 200) int width,
            @ForAll @IntRange(min = 1, max = 200) int height,
            @ForAll @DoubleRange(min = -50, max = 250) double cx,
            @ForAll @DoubleRange(min = -50, max = 250) double cy,
            @ForAll @DoubleRange(min = 1, max = 600) double side,
            @ForAll @DoubleRange(min = -3.14159, max = 3.14159) @Scale(5) double angle,
            @ForAll @IntRange(min = 1, max = 48) int patch,
            @ForAll @IntRange(min = 0, max = 255) int outside, @ForAll long seed) {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).nextBytes(rgb);
        int min = outside;
        int max = outside;
        for (byte b : rgb) {
            min = Math.min(min, b & 0xff);
            max = Math.max(max, b & 0xff);
        }
        float[] dst = new float[patch * patch * 3];
        Resampling.sample(new RgbImage(rgb, width, height),
                Affine.squareRegion(cx, cy, side, angle, patch, patch), patch, patch, outside,
                dst, new Resampling.Scratch());
        for (float v : dst) {
            assertTrue(v >= min - 1e-3 && v <= max + 1e-3, v + " outside " + min + ".." + max);
        }
    }
}
