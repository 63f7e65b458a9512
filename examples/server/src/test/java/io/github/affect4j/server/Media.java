package io.github.affect4j.server;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** The bundled samples, and media made for the tests. */
final class Media {

    private Media() {
    }

    static Path samples() {
        String dir = System.getProperty("affect4j.samples.dir");
        if (dir == null) {
            throw new IllegalStateException("system property affect4j.samples.dir is not set "
                    + "(the parent POM's Surefire configuration sets it)");
        }
        return Path.of(dir);
    }

    /** The sample photo: one smiling face, 512x512 JPEG. */
    static byte[] astronaut() {
        return read(samples().resolve("astronaut.jpg"));
    }

    /** The sample speech: 7.1 s, 16 kHz WAV. */
    static byte[] speech() {
        return read(samples().resolve("speech.wav"));
    }

    /** The sample photo repeated side by side: a frame with several faces. */
    static byte[] astronauts(int count) {
        try {
            BufferedImage one = ImageIO.read(samples().resolve("astronaut.jpg").toFile());
            BufferedImage row = new BufferedImage(one.getWidth() * count, one.getHeight(),
                    BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = row.createGraphics();
            for (int i = 0; i < count; i++) {
                g.drawImage(one, i * one.getWidth(), 0, null);
            }
            g.dispose();
            return encode(row, "jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample photo scaled down to {@code size} x {@code size}: still one clear face, and
     * quicker to analyse when a test needs hundreds of frames.
     */
    static byte[] astronaut(int size) {
        try {
            BufferedImage one = ImageIO.read(samples().resolve("astronaut.jpg").toFile());
            BufferedImage small = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(one, 0, 0, size, size, null);
            g.dispose();
            return encode(small, "jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid, well-compressed black image of the given size. */
    static byte[] blank(int width, int height, String format) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), format);
    }

    /** The sample photo re-encoded as PNG. */
    static byte[] astronautPng() {
        try {
            return encode(ImageIO.read(samples().resolve("astronaut.jpg").toFile()), "png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mono 16-bit PCM WAV of silence. */
    static byte[] silentWav(double seconds, int sampleRate) {
        int samples = (int) Math.round(seconds * sampleRate);
        int dataBytes = samples * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2)
                .putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        return wav.array();
    }

    /** A WAV whose format chunk contradicts itself: block size 0 for 16-bit mono. */
    static byte[] corruptWav() {
        byte[] wav = silentWav(1, 16_000);
        wav[32] = 0;
        wav[33] = 0;
        return wav;
    }

    /** A WAV in an encoding the library does not read: 3-bit PCM. */
    static byte[] unsupportedWav() {
        byte[] wav = silentWav(1, 16_000);
        wav[34] = 3;
        return wav;
    }

    /** The first part of a file: a truncated upload. */
    static byte[] truncated(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
