package io.github.affect4j.server.analysis;

/**
 * What an upload is, recognised from its first bytes; the declared content type and file name
 * are ignored, since clients get them wrong and attackers lie.
 */
enum MediaKind {
    JPEG("JPEG image"),
    PNG("PNG image"),
    GIF("GIF image"),
    BMP("BMP image"),
    WAV("WAV audio"),
    UNKNOWN("unrecognised data");

    private final String description;

    MediaKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static MediaKind of(byte[] data) {
        if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(data, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(data, 0, 'B', 'M')) {
            return BMP;
        }
        if ((startsWith(data, 0, 'R', 'I', 'F', 'F') || startsWith(data, 0, 'R', 'I', 'F', 'X'))
                && startsWith(data, 8, 'W', 'A', 'V', 'E')) {
            return WAV;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] data, int offset, int... signature) {
        if (data.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
