package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.Emotion;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrated scores and the UNCERTAIN flag on real inputs: the sample photo's face, the same
 * face with the mouth hidden (ambiguous), and the face upside down (no expression the nets
 * know).
 */
class CalibratedQualityTest {

    private static final BoundingBox FACE = new BoundingBox(160, 50, 130, 150);

    private static OnnxFaceEmotionDetector calibrated;
    private static OnnxFaceEmotionDetector uncalibrated;
    private static OnnxFaceEmotionDetector faceApi;
    private static OnnxFaceEmotionDetector faceApiUncalibrated;

    @BeforeAll
    static void load() throws Exception {
        calibrated = OnnxFaceEmotion.load(Settings.of(Map.of()));
        uncalibrated = OnnxFaceEmotion.load(Settings.of(Map.of("temperature", "1")));
        faceApi = OnnxFaceEmotion.load(Settings.of(Map.of("classifiers", "face-api")));
        faceApiUncalibrated = OnnxFaceEmotion.load(Settings.of(Map.of("classifiers", "face-api",
                "temperature", "1")));
    }

    @AfterAll
    static void close() {
        calibrated.close();
        uncalibrated.close();
        faceApi.close();
        faceApiUncalibrated.close();
    }

    /** The sample photo's face with a grey bar over the mouth (what shows the smile). */
    private static ImageFrame mouthHidden() {
        BufferedImage photo = TestImages.astronautImage();
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(160, 135, 130, 65);
        g.dispose();
        return ImageFrame.fromBufferedImage(photo).crop(FACE);
    }

    private static ImageFrame upsideDown() {
        BufferedImage face = TestImages.astronautImage().getSubimage(FACE.x(), FACE.y(),
                FACE.width(), FACE.height());
        BufferedImage out = new BufferedImage(face.getWidth(), face.getHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(face, 0, face.getHeight(), face.getWidth(), 0, 0, 0, face.getWidth(),
                face.getHeight(), null);
        g.dispose();
        return ImageFrame.fromBufferedImage(out);
    }

    private static double top(FaceResult face) {
        return face.scores().probability(face.dominant());
    }

    @Test
    void theDefaultIsCalibratedWithTheBundledEnsembleTemperature() {
        double t = Calibration.bundled().get("face-api+cnn48.mirrored");
        assertEquals(t, calibrated.temperature());
        assertEquals(1.0, uncalibrated.temperature());
        assertTrue(calibrated.info().description().contains("calibrated (temperature"),
                calibrated.info().description());
        assertFalse(uncalibrated.info().description().contains("calibrated"));
    }

    /**
     * With the face-api net alone, whose temperature is far from 1 (the default ensemble's is
     * close to 1: it is nearly calibrated as it comes, MODELS.md).
     */
    @Test
    void calibrationLowersTheTopProbabilityOfAnAmbiguousFaceAndKeepsItsDominantEmotion() {
        ImageFrame ambiguous = mouthHidden();
        FaceResult raw = faceApiUncalibrated.analyzeFace(ambiguous);
        FaceResult cal = faceApi.analyzeFace(ambiguous);
        assertEquals(raw.dominant(), cal.dominant());
        assertTrue(top(cal) < top(raw) - 0.05, "calibrated " + cal.scores() + " raw " + raw.scores());
        assertEquals(1.0, cal.scores().asMap().values().stream().mapToDouble(Double::doubleValue)
                .sum(), 1e-9);
        // Exactly the temperature applied to the uncalibrated distribution.
        double[] expected = new double[Emotion.values().length];
        for (Emotion e : Emotion.values()) {
            expected[e.ordinal()] = raw.scores().probability(e);
        }
        Calibration.apply(expected, faceApi.temperature());
        for (Emotion e : Emotion.values()) {
            assertEquals(expected[e.ordinal()], cal.scores().probability(e), 1e-9, e.name());
        }
        assertEquals(0.0, cal.scores().probability(Emotion.CONTEMPT), "no classifier has contempt");
    }

    @Test
    void aClearSmileStaysConfidentAndAssessable() {
        FaceResult face = calibrated.analyzeFace(TestImages.astronaut().crop(FACE));
        assertEquals(Emotion.HAPPINESS, face.dominant());
        assertTrue(top(face) > 0.9, face.scores()::toString);
        assertTrue(face.assessable(), face.quality()::toString);
        assertEquals(top(face), face.quality().measures().get("topProbability"), 1e-4);
    }

    @Test
    void anUpsideDownFaceIsFlaggedUncertainWhereAnUprightOneIsNot() {
        FaceResult upside = faceApi.analyzeFace(upsideDown());
        assertTrue(upside.quality().flags().contains(FaceQuality.Flag.UNCERTAIN),
                upside.quality()::toString);
        assertFalse(upside.assessable());
        assertTrue(upside.quality().measures().get("topProbability")
                < FaceQualityMeter.MIN_TOP_PROBABILITY, upside.quality()::toString);
        FaceResult upright = faceApi.analyzeFace(TestImages.astronaut().crop(FACE));
        assertEquals(java.util.Set.of(), upright.quality().flags(), upright.quality()::toString);
    }

    @Test
    void aCropReadWholeTakesTheLowerConfidenceLimitAndNoPoseFlag() {
        FaceQualityMeter meter = new FaceQualityMeter(40, true, 256);
        float[] patch = TestImages.astronautPatch(FaceQualityMeter.PATCH);
        float[] box = {0, 0, 100, 100};
        // keypoints of a head turned far to one side: nose at the image-right ear
        float[] turned = new float[BlazeFace.KEYPOINTS * 2];
        turned[2 * BlazeFace.EYE_IMAGE_LEFT] = 30;
        turned[2 * BlazeFace.EYE_IMAGE_LEFT + 1] = 40;
        turned[2 * BlazeFace.EYE_IMAGE_RIGHT] = 70;
        turned[2 * BlazeFace.EYE_IMAGE_RIGHT + 1] = 40;
        turned[2 * BlazeFace.EAR_IMAGE_LEFT] = 5;
        turned[2 * BlazeFace.EAR_IMAGE_LEFT + 1] = 45;
        turned[2 * BlazeFace.EAR_IMAGE_RIGHT] = 95;
        turned[2 * BlazeFace.EAR_IMAGE_RIGHT + 1] = 45;
        turned[2 * BlazeFace.NOSE] = 94;
        turned[2 * BlazeFace.NOSE + 1] = 60;
        FaceQuality detected = meter.assess(patch, box, 100, 100, turned, 0.7, false, 0.9);
        assertEquals(java.util.Set.of(FaceQuality.Flag.NON_FRONTAL, FaceQuality.Flag.LOW_CONFIDENCE),
                detected.flags(), detected::toString);
        FaceQuality whole = meter.assess(patch, box, 100, 100, turned, 0.7, true, 0.9);
        assertEquals(java.util.Set.of(), whole.flags(), whole::toString);
        assertTrue(whole.assessable());
        assertTrue(Math.abs(whole.measures().get("yawDegrees")) > 40, "still measured: " + whole);
        FaceQuality unsure = meter.assess(patch, box, 100, 100, turned, 0.55, true, 0.29);
        assertEquals(java.util.Set.of(FaceQuality.Flag.LOW_CONFIDENCE, FaceQuality.Flag.UNCERTAIN),
                unsure.flags(), unsure::toString);
        assertFalse(unsure.assessable());
        // The front detector (mode=fast) flags a crop only when it found no face in it.
        FaceQualityMeter front = new FaceQualityMeter(40, true, 128);
        assertEquals(java.util.Set.of(), front.assess(patch, box, 100, 100, turned, 0.55, true,
                0.9).flags());
        assertEquals(java.util.Set.of(FaceQuality.Flag.LOW_CONFIDENCE), front.assess(patch, box,
                100, 100, null, 0.0, true, 0.9).flags());
    }
}
