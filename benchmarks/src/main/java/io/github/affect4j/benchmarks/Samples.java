package io.github.affect4j.benchmarks;

import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The bundled samples, read from the benchmark jar. */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageFrame photo() {
        try {
            return ImageFrame.decode(bytes("astronaut.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 640x480 frame with one face: the sample portrait scaled to 360x360 on a grey background,
     * like a webcam frame of a person at a desk.
     */
    static ImageFrame webcamFrame() {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 640, 480);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo().toBufferedImage(), 140, 60, 360, 360, null);
        g.dispose();
        return ImageFrame.fromBufferedImage(frame);
    }

    /**
     * The example server's load-test frame (examples/server/deploy/loadtest/LoadTest.java): the
     * sample portrait scaled to 480x480 on a grey 640x480 canvas, encoded as a JPEG of quality
     * 0.9, as the clients post it.
     */
    static byte[] serverFrameJpeg() {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        g.drawImage(photo().toBufferedImage(), 80, 0, 480, 480, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(frame, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static AudioClip speech() {
        try {
            return AudioClip.readWav(new java.io.ByteArrayInputStream(bytes("speech.wav")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
