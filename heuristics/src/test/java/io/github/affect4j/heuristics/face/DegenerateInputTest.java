package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tiny, thin and odd images never reach OpenCV in a shape that could crash it. */
class DegenerateInputTest {

    private static FaceEmotionDetector detector;

    @BeforeAll
    static void create() {
        detector = Detectors.create();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 1", "19, 19", "20, 20", "23, 40", "1, 5000", "5000, 1",
            "4000, 3", "3, 4000", "20000, 20", "64, 64"})
    void analyzeGivesNoFaces(int width, int height) {
        ImageFrame image = Samples.noise(width, height, width * 31L + height);

        FaceAnalysis analysis = detector.analyze(image);

        assertEquals(width, analysis.imageWidth());
        assertEquals(height, analysis.imageHeight());
        assertEquals(0, analysis.faces().size(), () -> "faces: " + analysis.faces());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "1, 700", "700, 1", "5, 3", "39, 39"})
    void analyzeFaceOnATinyOrThinCropIsFlaggedSmallNotThrown(int width, int height) {
        ImageFrame crop = Samples.noise(width, height, 7);

        FaceResult face = detector.analyzeFace(crop);

        assertEquals(new BoundingBox(0, 0, width, height), face.box());
        assertEquals(1.0, face.confidence());
        assertTrue(face.quality().flags().contains(FaceQuality.Flag.SMALL),
                () -> "quality " + face.quality());
        assertFalse(face.assessable());
        double sum = face.scores().asMap().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void aFlatCropIsFlaggedBlurry() {
        FaceResult face = detector.analyzeFace(Samples.flat(120, 120, 128));

        assertTrue(face.quality().flags().contains(FaceQuality.Flag.BLURRY),
                () -> "quality " + face.quality());
        assertFalse(face.quality().flags().contains(FaceQuality.Flag.SMALL));
    }

    @Test
    void darkAndBrightCropsAreFlaggedByExposure() {
        assertTrue(detector.analyzeFace(Samples.flat(100, 100, 20)).quality().flags()
                .contains(FaceQuality.Flag.UNDEREXPOSED));
        assertTrue(detector.analyzeFace(Samples.flat(100, 100, 245)).quality().flags()
                .contains(FaceQuality.Flag.OVEREXPOSED));
    }

    @Test
    void aDarkenedPhotoIsFlaggedUnderexposed() {
        ImageFrame photo = Samples.astronaut();
        byte[] rgb = photo.toBytes(io.github.affect4j.media.PixelFormat.RGB);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) ((rgb[i] & 0xff) / 6);
        }
        ImageFrame dark = ImageFrame.fromPixels(rgb, 512, 512, 512 * 3,
                io.github.affect4j.media.PixelFormat.RGB);

        FaceResult face = detector.analyzeFace(dark.crop(Samples.FACE));

        assertTrue(face.quality().flags().contains(FaceQuality.Flag.UNDEREXPOSED),
                () -> "quality " + face.quality());
        assertFalse(face.assessable());
    }

    @Test
    void nullInputsAreRejected() {
        assertThrows(NullPointerException.class, () -> detector.analyze(null));
        assertThrows(NullPointerException.class, () -> detector.analyzeFace(null));
    }
}
