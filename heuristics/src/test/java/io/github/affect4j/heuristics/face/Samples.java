package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.media.ImageFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Test images: the bundled sample photo, changes painted onto it, and faceless images. */
final class Samples {

    /**
     * Where the face in {@code astronaut.jpg} (512 x 512) is, read off the photo by eye: forehead
     * below the fringe to chin, cheek to cheek.
     */
    static final BoundingBox FACE = new BoundingBox(180, 75, 88, 115);
    static final int LEFT_EYE_X = 204;
    static final int LEFT_EYE_Y = 101;
    static final int RIGHT_EYE_X = 246;
    static final int RIGHT_EYE_Y = 104;
    static final int MOUTH_X = 224;
    static final int MOUTH_Y = 145;

    /** A head-and-shoulders cut-out of the sample around the face, for composing test images. */
    static final BoundingBox HEAD = new BoundingBox(150, 40, 150, 170);

    private Samples() {
    }

    /** The bundled NASA portrait; its folder comes from the surefire configuration. */
    static Path astronautPath() {
        String dir = System.getProperty("affect4j.samples.dir");
        assertNotNull(dir, "system property affect4j.samples.dir is not set (the parent pom sets it)");
        Path file = Path.of(dir, "astronaut.jpg");
        assertTrue(Files.isRegularFile(file), "sample photo missing: " + file);
        return file;
    }

    static BufferedImage astronautImage() {
        try {
            return ImageIO.read(astronautPath().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageFrame astronaut() {
        try {
            return ImageFrame.read(astronautPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with something painted over it (coordinates are the photo's). */
    static ImageFrame paintedAstronaut(Consumer<Graphics2D> painter) {
        BufferedImage image = copy(astronautImage());
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
        return ImageFrame.fromBufferedImage(image);
    }

    /** Covers the smile, corners included, with skin colour. */
    static void coverMouth(Graphics2D g) {
        g.setColor(new Color(205, 155, 135));
        g.fillOval(196, 127, 56, 34);
    }

    /**
     * Paints the lower face, cheeks and mouth, flat skin colour. (Covering only the mouth does not
     * make her neutral: her raised cheeks still read as a smile, which they are.)
     */
    static void eraseLowerFace(Graphics2D g) {
        g.setColor(new Color(215, 170, 150));
        g.fillRect(180, 120, 90, 45);
    }

    /** A wide-open mouth: the smile covered, a tall dark oval drawn. */
    static void openMouth(Graphics2D g) {
        coverMouth(g);
        g.setColor(new Color(40, 15, 15));
        g.fillOval(214, 132, 20, 24);
    }

    /** Three vertical frown lines between the brows. */
    static void frownLines(Graphics2D g) {
        g.setColor(new Color(90, 60, 50));
        g.setStroke(new java.awt.BasicStroke(1.6f));
        for (int x : new int[] {219, 223, 227}) {
            g.drawLine(x, 82, x, 97);
        }
    }

    static ImageFrame mirrored(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
        g.dispose();
        return ImageFrame.fromBufferedImage(out);
    }

    /** A faceless photo from scikit-image's sample data (CC0; see README.md beside it). */
    static ImageFrame resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                fail("test resource missing: " + name);
            }
            return ImageFrame.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A smooth diagonal colour gradient. */
    static ImageFrame gradient(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[i++] = (byte) (255 * x / Math.max(1, width - 1));
                rgb[i++] = (byte) (255 * y / Math.max(1, height - 1));
                rgb[i++] = (byte) (255 * (x + y) / Math.max(1, width + height - 2));
            }
        }
        return ImageFrame.fromPixels(rgb, width, height, width * 3,
                io.github.affect4j.media.PixelFormat.RGB);
    }

    /** Uniform random colour noise from a fixed seed. */
    static ImageFrame noise(int width, int height, long seed) {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).nextBytes(rgb);
        return ImageFrame.fromPixels(rgb, width, height, width * 3,
                io.github.affect4j.media.PixelFormat.RGB);
    }

    /** A grey image of one value. */
    static ImageFrame flat(int width, int height, int value) {
        byte[] gray = new byte[width * height];
        java.util.Arrays.fill(gray, (byte) value);
        return ImageFrame.fromPixels(gray, width, height, width,
                io.github.affect4j.media.PixelFormat.GRAY);
    }

    /**
     * Where {@link #FACE} lands when the {@link #HEAD} cut-out is drawn at {@code (x, y)} scaled
     * by {@code scale}.
     */
    static BoundingBox placedFace(int x, int y, double scale) {
        return new BoundingBox(
                (int) Math.round(x + (FACE.x() - HEAD.x()) * scale),
                (int) Math.round(y + (FACE.y() - HEAD.y()) * scale),
                (int) Math.round(FACE.width() * scale),
                (int) Math.round(FACE.height() * scale));
    }

    /** Draws the head cut-out, scaled, onto a canvas. */
    static void drawHead(Graphics2D g, int x, int y, double scale) {
        BufferedImage head = astronautImage().getSubimage(HEAD.x(), HEAD.y(), HEAD.width(),
                HEAD.height());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(head, x, y, (int) Math.round(HEAD.width() * scale),
                (int) Math.round(HEAD.height() * scale), null);
    }

    /**
     * Asserts that a detected box covers the sample's face placed at {@code (x, y)} with
     * {@code scale}: it contains both eyes and the mouth, and overlaps the face read off the
     * photo by at least half (intersection over union).
     */
    static void assertCoversFace(BoundingBox box, int x, int y, double scale) {
        double dx = x - HEAD.x() * scale;
        double dy = y - HEAD.y() * scale;
        assertContains(box, dx + LEFT_EYE_X * scale, dy + LEFT_EYE_Y * scale, "left eye");
        assertContains(box, dx + RIGHT_EYE_X * scale, dy + RIGHT_EYE_Y * scale, "right eye");
        assertContains(box, dx + MOUTH_X * scale, dy + MOUTH_Y * scale, "mouth");
        BoundingBox expected = placedFace(x, y, scale);
        double iou = box.iou(expected);
        assertTrue(iou >= 0.5, () -> box + " overlaps the face " + expected + " only by IoU " + iou);
    }

    /** {@link #assertCoversFace} for the unmodified photo. */
    static void assertCoversFace(BoundingBox box) {
        assertCoversFace(box, HEAD.x(), HEAD.y(), 1.0);
        assertEquals(FACE, placedFace(HEAD.x(), HEAD.y(), 1.0));
    }

    private static void assertContains(BoundingBox box, double px, double py, String what) {
        assertTrue(box.contains(px, py), () -> box + " does not contain the " + what + " at ("
                + Math.round(px) + ", " + Math.round(py) + ")");
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
