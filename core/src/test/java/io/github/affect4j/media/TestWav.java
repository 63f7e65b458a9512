package io.github.affect4j.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A small RIFF/WAVE writer for tests: every header field is written explicitly, so tests can
 * build both valid files of each encoding and files that lie.
 */
final class TestWav {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int A_LAW = 6;
    static final int MU_LAW = 7;
    static final int EXTENSIBLE = 0xFFFE;

    private TestWav() {
    }

    /** A complete file: RIFF header, fmt chunk, data chunk. */
    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
        return riff(fmt(tag, channels, rate, bits), chunk("data", data));
    }

    /** A RIFF/WAVE file made of the given chunks (each built with {@link #chunk}). */
    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ascii("RIFF"));
        file.writeBytes(le32(body.size()));
        file.writeBytes(body.toByteArray());
        return file.toByteArray();
    }

    /** A plain 16-byte fmt chunk. */
    static byte[] fmt(int tag, int channels, int rate, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, bits, channels * bits / 8));
    }

    static byte[] fmtBody(int tag, int channels, int rate, int bits, int blockAlign) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk with the KSDATAFORMAT_SUBTYPE GUID of a tag. */
    static byte[] extensibleFmt(int subTag, int channels, int rate, int bits, int validBits,
                                int channelMask) {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.put(fmtBody(EXTENSIBLE, channels, rate, bits, channels * bits / 8));
        fmt.putShort((short) 22).putShort((short) validBits).putInt(channelMask);
        // {tag-0000-0010-8000-00AA00389B71}
        fmt.putShort((short) subTag).putShort((short) 0).putShort((short) 0x0000)
                .putShort((short) 0x0010);
        fmt.put(new byte[] {(byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", fmt.array());
    }

    /** A chunk with its size field and, for an odd size, the pad byte RIFF requires. */
    static byte[] chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk whose size field says {@code declaredSize}, whatever the body holds. */
    static byte[] chunk(String id, long declaredSize, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(id));
        out.writeBytes(le32(declaredSize));
        out.writeBytes(body);
        if ((body.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    static byte[] pcm8(int... unsigned) {
        byte[] out = new byte[unsigned.length];
        for (int i = 0; i < unsigned.length; i++) {
            out[i] = (byte) unsigned[i];
        }
        return out;
    }

    static byte[] pcm16(int... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            out.putShort((short) v);
        }
        return out.array();
    }

    static byte[] pcm24(int... values) {
        byte[] out = new byte[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            out[3 * i] = (byte) values[i];
            out[3 * i + 1] = (byte) (values[i] >> 8);
            out[3 * i + 2] = (byte) (values[i] >> 16);
        }
        return out;
    }

    static byte[] pcm32(int... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            out.putInt(v);
        }
        return out.array();
    }

    static byte[] float32(float... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    static byte[] float64(double... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            out.putDouble(v);
        }
        return out.array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] le32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
