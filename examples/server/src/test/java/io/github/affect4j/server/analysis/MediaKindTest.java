package io.github.affect4j.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Uploads are recognised from their first bytes. */
class MediaKindTest {

    private static byte[] bytes(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return data;
    }

    @Test
    void recognisesTheSignatures() {
        assertThat(MediaKind.of(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(MediaKind.JPEG);
        assertThat(MediaKind.of(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
                .isEqualTo(MediaKind.PNG);
        assertThat(MediaKind.of("GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MediaKind.GIF);
        assertThat(MediaKind.of("BM......".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MediaKind.BMP);
        assertThat(MediaKind.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MediaKind.WAV);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(MediaKind.of(new byte[0])).isEqualTo(MediaKind.UNKNOWN);
        assertThat(MediaKind.of(bytes(0xFF, 0xD8))).isEqualTo(MediaKind.UNKNOWN);
        assertThat(MediaKind.of("RIFF\0\0\0\0AVI ".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MediaKind.UNKNOWN);
        assertThat(MediaKind.of("{\"json\":true}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MediaKind.UNKNOWN);
    }
}
