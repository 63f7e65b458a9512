package io.github.affect4j.cli;

import java.nio.charset.StandardCharsets;

/** What a file holds, recognised from its first bytes rather than its name. */
enum MediaKind {
    IMAGE,
    AUDIO,
    UNKNOWN;

    static MediaKind sniff(byte[] data) {
        if (startsWith(data, 0, "RIFF") && startsWith(data, 8, "WAVE")
                || startsWith(data, 0, "RIFX") || startsWith(data, 0, "RF64")) {
            return AUDIO;
        }
        boolean jpeg = data.length >= 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8
                && (data[2] & 0xff) == 0xFF;
        boolean png = data.length >= 8 && (data[0] & 0xff) == 0x89 && startsWith(data, 1, "PNG");
        boolean gif = startsWith(data, 0, "GIF8");
        boolean bmp = startsWith(data, 0, "BM") && data.length >= 26;
        return jpeg || png || gif || bmp ? IMAGE : UNKNOWN;
    }

    private static boolean startsWith(byte[] data, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
