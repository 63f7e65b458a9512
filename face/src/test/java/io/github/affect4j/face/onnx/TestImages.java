package io.github.affect4j.face.onnx;

import io.github.affect4j.media.ImageFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;

/** Test inputs made from the bundled sample photo, and faceless images. */
final class TestImages {

    /** The sample photo: astronaut Eileen Collins, smiling, 512x512. */
    static final Path ASTRONAUT = Path.of(System.getProperty("affect4j.samples.dir", "../examples/samples"),
            "astronaut.jpg");

    private TestImages() {
    }

    static ImageFrame astronaut() {
        try {
            return ImageFrame.read(ASTRONAUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage astronautImage() {
        return astronaut().toBufferedImage();
    }

    /** A canvas of the given size, grey, with the photo drawn at (x, y) scaled to size x size. */
    static ImageFrame placed(int width, int height, int x, int y, int size) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(astronautImage(), x, y, size, size, null);
        g.dispose();
        return ImageFrame.fromBufferedImage(frame);
    }

    /** The photo stretched into a width x height frame (distorting its aspect ratio). */
    static ImageFrame stretched(int width, int height) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(astronautImage(), 0, 0, width, height, null);
        g.dispose();
        return ImageFrame.fromBufferedImage(frame);
    }

    /** The photo turned by {@code degrees} (clockwise on screen) about the point (cx, cy). */
    static ImageFrame rotated(double degrees, double cx, double cy) {
        BufferedImage src = astronautImage();
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(degrees), cx, cy), null);
        g.dispose();
        return ImageFrame.fromBufferedImage(out);
    }

    /**
     * The photo's face (x 160-290, y 50-200) scaled to {@code size} x {@code size}, as the
     * quality meter's HWC RGB float patch (0..255).
     */
    static float[] astronautPatch(int size) {
        BufferedImage face = astronautImage().getSubimage(160, 50, 130, 150);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(face, 0, 0, size, size, null);
        g.dispose();
        float[] patch = new float[size * size * 3];
        for (int y = 0, i = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = out.getRGB(x, y);
                patch[i++] = (rgb >> 16) & 0xff;
                patch[i++] = (rgb >> 8) & 0xff;
                patch[i++] = rgb & 0xff;
            }
        }
        return patch;
    }

    /** The head-and-shoulders part of the photo, {@code size} pixels square. */
    static BufferedImage head(int size) {
        BufferedImage head = astronautImage().getSubimage(96, 0, 300, 300);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(head, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /** Two heads side by side, the second mirrored, on a grey 640x360 canvas. */
    static ImageFrame twoFaces() {
        BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(110, 110, 110));
        g.fillRect(0, 0, 640, 360);
        BufferedImage head = head(260);
        g.drawImage(head, 30, 50, null);
        g.drawImage(head, 350 + 260, 50, -260, 260, null);
        g.dispose();
        return ImageFrame.fromBufferedImage(frame);
    }

    /** A smooth colour gradient without any face. */
    static ImageFrame gradient(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0, p = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[p++] = (byte) (255 * x / (width - 1));
                rgb[p++] = (byte) (255 * y / (height - 1));
                rgb[p++] = (byte) (128 + 100 * Math.sin(x / 40.0));
            }
        }
        return ImageFrame.fromPixels(rgb, width, height, width * 3, io.github.affect4j.media.PixelFormat.RGB);
    }

    /** Uniform random pixels, seeded. */
    static ImageFrame noise(int width, int height, long seed) {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).nextBytes(rgb);
        return ImageFrame.fromPixels(rgb, width, height, width * 3, io.github.affect4j.media.PixelFormat.RGB);
    }
}
