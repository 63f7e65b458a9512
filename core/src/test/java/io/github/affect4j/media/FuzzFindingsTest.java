package io.github.affect4j.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The inputs fuzzing found (FUZZING.md), each checked for the exact failure it must now give.
 * The files stay in the fuzz corpus too, so {@link MediaFuzzTest} replays them in every build;
 * this module's tests run with a 256 MB heap, so an allocation at a header's word fails here.
 */
class FuzzFindingsTest {

    private static byte[] corpus(String method, String name) throws IOException {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream(
                "MediaFuzzTestInputs/" + method + "/" + name)) {
            assertTrue(in != null, name + " is in the corpus");
            return in.readAllBytes();
        }
    }

    /**
     * 348 bytes of deflate-compressed TIFF whose strip byte count says 488 MB: the JDK's TIFF
     * reader allocated that before reading the strip (OutOfMemoryError in 230 MB).
     */
    @Test
    void aTiffStripLargerThanTheWholeFileIsRefusedBeforeDecoding() throws IOException {
        byte[] data = corpus("decodeImage", "tiff-deflate-strip-claims-488mb");
        InvalidMediaException e = assertThrows(InvalidMediaException.class,
                () -> ImageFrame.decode(data));
        assertEquals(InvalidMediaException.Problem.CORRUPT, e.problem());
        assertEquals("image data: TIFF declares a strip of 488447487 bytes in 348 bytes of data",
                e.getMessage());
    }
}
