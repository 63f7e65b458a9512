package io.github.affect4j.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder for tests, so the pixel values and header fields of every test image are
 * spelled out in the test rather than hidden in a binary fixture.
 */
final class TestPng {

    static final int GRAY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GRAY_ALPHA = 4;
    static final int RGBA = 6;

    private TestPng() {
    }

    /**
     * Encodes packed rows (no filter bytes; 16-bit samples big-endian, sub-byte samples packed
     * most significant bits first).
     */
    static byte[] encode(int width, int height, int bitDepth, int colorType, byte[] rows,
                         byte[] palette) {
        int channels = switch (colorType) {
            case GRAY, PALETTE -> 1;
            case GRAY_ALPHA -> 2;
            case RGB -> 3;
            case RGBA -> 4;
            default -> throw new IllegalArgumentException("colour type " + colorType);
        };
        int rowBytes = (width * channels * bitDepth + 7) / 8;
        if (rows.length != rowBytes * height) {
            throw new IllegalArgumentException("expected " + rowBytes * height + " bytes");
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0); // filter type None
            raw.write(rows, y * rowBytes, rowBytes);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(signature());
        png.writeBytes(chunk("IHDR", ihdr(width, height, bitDepth, colorType)));
        if (palette != null) {
            png.writeBytes(chunk("PLTE", palette));
        }
        png.writeBytes(chunk("IDAT", deflate(raw.toByteArray())));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /**
     * A well-formed PNG (valid CRCs) whose header claims a size its few bytes of data cannot
     * hold: the image data is one compressed empty row.
     */
    static byte[] claimingSize(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(signature());
        png.writeBytes(chunk("IHDR", ihdr(width, height, 8, RGB)));
        png.writeBytes(chunk("IDAT", deflate(new byte[1])));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] signature() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    }

    private static byte[] ihdr(int width, int height, int bitDepth, int colorType) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                .put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
