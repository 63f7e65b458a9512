package io.github.affect4j.media;

/**
 * The format of encoded media, recognised from its first bytes. Declared content types and file
 * names are not trusted: clients get them wrong and attackers lie. Recognition says which decoder
 * to try, not that decoding will succeed.
 */
public enum MediaFormat {
    /** JPEG image ({@code FF D8 FF}). */
    JPEG("JPEG image", true),
    /** PNG image (the eight-byte PNG signature). */
    PNG("PNG image", true),
    /** GIF image ({@code GIF8}). */
    GIF("GIF image", true),
    /** BMP image ({@code BM}). */
    BMP("BMP image", true),
    /** TIFF image, either byte order ({@code II*\0} or {@code MM\0*}); the JDK reads it since Java 9. */
    TIFF("TIFF image", true),
    /** WAV audio: RIFF/WAVE, and the RIFX and RF64 variants, which {@link AudioClip} refuses by name. */
    WAV("WAV audio", false),
    /** None of the above. */
    UNKNOWN("unrecognised data", false);

    private final String description;
    private final boolean image;

    MediaFormat(String description, boolean image) {
        this.description = description;
        this.image = image;
    }

    /** {@return a short description such as {@code "PNG image"}} */
    public String description() {
        return description;
    }

    /** {@return whether this is an image format {@link ImageFrame} decodes} */
    public boolean isImage() {
        return image;
    }

    /** {@return whether this is an audio format {@link AudioClip} reads} */
    public boolean isAudio() {
        return this == WAV;
    }

    /**
     * Recognises the format from the first bytes of the data.
     *
     * @param data the encoded data, or at least its first 12 bytes
     * @return the format, {@link #UNKNOWN} when none matches (including empty data)
     */
    public static MediaFormat of(byte[] data) {
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
        if (startsWith(data, 0, 'I', 'I', 0x2A, 0x00) || startsWith(data, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if ((startsWith(data, 0, 'R', 'I', 'F', 'F') || startsWith(data, 0, 'R', 'I', 'F', 'X')
                || startsWith(data, 0, 'R', 'F', '6', '4'))
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
