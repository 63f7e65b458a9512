package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.Emotion;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.FaceSource;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.media.ImageFrame;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Option {@code crops}: face crops read whole by {@code analyze}, scenes keep detection. */
class CropRuleTest {

    private static FaceEmotionDetector auto;
    private static FaceEmotionDetector always;
    private static FaceEmotionDetector never;

    @BeforeAll
    static void load() throws Exception {
        auto = OnnxFaceEmotion.load(Settings.of(Map.of()));
        always = OnnxFaceEmotion.load(Settings.of(Map.of("crops", "always")));
        never = OnnxFaceEmotion.load(Settings.of(Map.of("crops", "never")));
    }

    @AfterAll
    static void close() {
        auto.close();
        always.close();
        never.close();
    }

    /**
     * The astronaut's face as a dataset or another detector would crop it: a 140-pixel square
     * around the face (which spans about x 170-280, y 60-190 of the photo), scaled to size.
     */
    static ImageFrame faceCrop(int size) {
        BufferedImage face = TestImages.astronautImage().getSubimage(155, 55, 140, 140);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(face, 0, 0, size, size, null);
        g.dispose();
        return ImageFrame.fromBufferedImage(out);
    }

    private static void assertSameScores(FaceResult expected, FaceResult actual) {
        for (Emotion e : Emotion.values()) {
            assertEquals(expected.scores().probability(e), actual.scores().probability(e), 0.0,
                    () -> e + ": " + expected.scores() + " vs " + actual.scores());
        }
    }

    private static FaceResult onlyFace(FaceAnalysis analysis, FaceSource source, ImageFrame image) {
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertEquals(source, face.source(), face::toString);
        assertEquals(new BoundingBox(0, 0, image.width(), image.height()), face.box());
        return face;
    }

    @Test
    void aSmallFaceCropIsReadWholeWithAnalyzeFacesScores() {
        ImageFrame crop = faceCrop(48);
        FaceResult face = onlyFace(auto.analyze(crop), FaceSource.WHOLE_IMAGE_SMALL, crop);
        assertSameScores(auto.analyzeFace(crop), face);
        assertEquals(Emotion.HAPPINESS, face.dominant(), face.scores()::toString);
        assertTrue(face.confidence() > 0.5, "BlazeFace finds the padded crop: " + face);
    }

    @Test
    void aLargerFaceCropFilledByItsFaceIsReadWhole() {
        ImageFrame crop = faceCrop(160);
        FaceResult face = onlyFace(auto.analyze(crop), FaceSource.WHOLE_IMAGE_FILLED, crop);
        assertSameScores(auto.analyzeFace(crop), face);
        assertTrue(face.confidence() >= 0.5, face::toString);
        assertTrue(face.quality().measures().containsKey("rollDegrees"),
                "the detection's keypoints feed the quality measures: " + face.quality());
    }

    @Test
    void theSamplePhotoKeepsTheDetectedFace() {
        ImageFrame photo = TestImages.astronaut();
        FaceAnalysis analysis = auto.analyze(photo);
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertEquals(FaceSource.DETECTED, face.source());
        assertTrue(face.box().width() < 200, face::toString);
        assertEquals(never.analyze(photo), analysis, "a scene is analysed as with crops=never");
    }

    @Test
    void aCropSizedHeadAndShouldersPortraitKeepsTheDetectedFace() {
        ImageFrame portrait = ImageFrame.fromBufferedImage(TestImages.head(256));
        FaceAnalysis analysis = auto.analyze(portrait);
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertEquals(FaceSource.DETECTED, face.source(), face::toString);
        assertTrue(face.box().width() < 0.7 * 256, face::toString);
    }

    @Test
    void alwaysReadsEveryImageWholeWithoutDetection() {
        ImageFrame photo = TestImages.astronaut();
        FaceResult face = onlyFace(always.analyze(photo), FaceSource.WHOLE_IMAGE_GIVEN, photo);
        FaceResult given = auto.analyzeFace(photo);
        assertSameScores(given, face);
        assertEquals(1.0, face.confidence());
        assertEquals(given, face);
        ImageFrame blank = TestImages.gradient(640, 480);
        onlyFace(always.analyze(blank), FaceSource.WHOLE_IMAGE_GIVEN, blank);
    }

    @Test
    void neverReportsOnlyDetectedFaces() {
        ImageFrame crop = faceCrop(160);
        FaceAnalysis analysis = never.analyze(crop);
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertEquals(FaceSource.DETECTED, face.source());
        assertTrue(face.box().width() < 160, "BlazeFace's own box inside the crop: " + face);
        assertEquals(0, never.analyze(TestImages.gradient(200, 150)).faces().size());
    }

    @Test
    void noFaceInACropSizedImageIsReadWholeWithConfidenceZero() {
        ImageFrame small = TestImages.gradient(200, 150);
        FaceResult face = onlyFace(auto.analyze(small), FaceSource.WHOLE_IMAGE_UNDETECTED, small);
        assertEquals(0.0, face.confidence());
        assertTrue(face.quality().flags().contains(io.github.affect4j.FaceQuality.Flag.LOW_CONFIDENCE));
        assertSameScores(auto.analyzeFace(small), face);
        ImageFrame tiny = TestImages.gradient(100, 80);
        assertEquals(0.0, onlyFace(auto.analyze(tiny), FaceSource.WHOLE_IMAGE_SMALL, tiny)
                .confidence());
        assertEquals(0, auto.analyze(TestImages.gradient(257, 200)).faces().size(),
                "larger than a crop: no face, no result");
    }

    @Test
    void analyzeFaceIsAGivenCrop() {
        assertEquals(FaceSource.WHOLE_IMAGE_GIVEN, auto.analyzeFace(faceCrop(48)).source());
    }

    @Test
    void cropsIsAValidatedChoice() {
        assertEquals(Settings.Crops.AUTO, Settings.of(Map.of()).crops());
        assertEquals(Settings.Crops.NEVER, Settings.of(Map.of("crops", "NEVER")).crops());
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> Settings.of(Map.of("crops", "sometimes")));
        assertTrue(e.getMessage().contains("crops") && e.getMessage().contains("sometimes"),
                e.getMessage());
    }
}
