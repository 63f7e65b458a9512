package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.Emotion;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.PixelFormat;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default pipeline (and fast mode) on real images. */
class OnnxFaceEmotionDetectorTest {

    private static FaceEmotionDetector accurate;
    private static FaceEmotionDetector fast;

    @BeforeAll
    static void load() throws Exception {
        accurate = OnnxFaceEmotion.load(Settings.of(Map.of()));
        fast = OnnxFaceEmotion.load(Settings.of(Map.of("mode", "fast")));
    }

    @AfterAll
    static void close() {
        accurate.close();
        fast.close();
    }

    /** The astronaut's face spans about x 170-280, y 60-190 of the 512x512 photo. */
    private static void assertCoversAstronautFace(BoundingBox box, double scale, double dx, double dy) {
        double cx = 225 * scale + dx;
        double cy = 125 * scale + dy;
        assertTrue(box.contains(cx, cy), box + " must contain the face centre " + cx + "," + cy);
        assertTrue(box.width() > 70 * scale && box.width() < 160 * scale, "box width " + box);
        assertTrue(box.x() > 140 * scale + dx && box.x() + box.width() < 310 * scale + dx,
                "box hugs the face, not the whole head and shoulders: " + box);
    }

    @Test
    void theSamplePhotoShowsOneSmilingFace() {
        FaceAnalysis analysis = accurate.analyze(TestImages.astronaut());
        assertEquals(512, analysis.imageWidth());
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertCoversAstronautFace(face.box(), 1, 0, 0);
        assertEquals(Emotion.HAPPINESS, face.dominant(), face.scores()::toString);
        assertTrue(face.scores().probability(Emotion.HAPPINESS) > 0.8, face.scores()::toString);
        assertEquals(0.0, face.scores().probability(Emotion.CONTEMPT), "neither model has contempt");
        assertTrue(face.confidence() > 0.75, "confidence " + face.confidence());
        assertTrue(face.assessable(), face.quality()::toString);
        assertTrue(face.quality().measures().keySet().containsAll(List.of("faceSize", "sharpness",
                "brightness", "yawDegrees", "rollDegrees")), face.quality()::toString);
        assertEquals("onnx", analysis.detector().providerId());
        assertTrue(analysis.detector().model().contains("blazeface_back.onnx"),
                analysis.detector().model());
    }

    @Test
    void fastModeFindsTheSameFaceAndSmile() {
        FaceAnalysis analysis = fast.analyze(TestImages.placed(640, 480, 140, 60, 360));
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertCoversAstronautFace(face.box(), 360 / 512.0, 140, 60);
        assertEquals(Emotion.HAPPINESS, face.dominant(), face.scores()::toString);
        assertTrue(analysis.detector().model().contains("blazeface_front.onnx"));
        assertFalse(analysis.detector().model().contains("emotion_cnn48"), "fast: one classifier");
    }

    @Test
    void aWebcamFrameGivesTheFaceInFramePixels() {
        FaceAnalysis analysis = accurate.analyze(TestImages.placed(640, 480, 140, 60, 360));
        assertEquals(1, analysis.faces().size(), analysis::toString);
        assertCoversAstronautFace(analysis.faces().get(0).box(), 360 / 512.0, 140, 60);
        assertEquals(640, analysis.imageWidth());
        assertEquals(480, analysis.imageHeight());
    }

    @Test
    void facelessImagesGiveNoFaces() {
        assertEquals(List.of(), accurate.analyze(TestImages.gradient(640, 480)).faces());
        assertEquals(List.of(), accurate.analyze(TestImages.noise(640, 480, 7)).faces());
        assertEquals(List.of(), accurate.analyze(TestImages.noise(300, 500, 8)).faces());
        assertEquals(List.of(), fast.analyze(TestImages.gradient(320, 240)).faces());
        byte[] gray = new byte[200 * 100];
        java.util.Arrays.fill(gray, (byte) 128);
        ImageFrame plain = ImageFrame.fromPixels(gray, 200, 100, 200, PixelFormat.GRAY);
        // crop-sized (at most 256 px): read whole as a possible face crop, with confidence 0
        List<FaceResult> whole = accurate.analyze(plain).faces();
        assertEquals(1, whole.size(), whole::toString);
        assertEquals(io.github.affect4j.FaceSource.WHOLE_IMAGE_UNDETECTED, whole.get(0).source());
        assertEquals(0.0, whole.get(0).confidence());
        assertFalse(whole.get(0).assessable());
    }

    @Test
    void twoFacesGiveTwoBoxes() {
        FaceAnalysis analysis = accurate.analyze(TestImages.twoFaces());
        assertEquals(2, analysis.faces().size(), analysis::toString);
        List<FaceResult> byX = analysis.faces().stream()
                .sorted(java.util.Comparator.comparingInt(f -> f.box().x())).toList();
        // heads of 260 px drawn at x 30 and 350; the face centre is about 0.43 across, 0.42 down
        assertTrue(byX.get(0).box().contains(30 + 0.43 * 260, 50 + 0.42 * 260), byX.get(0)::toString);
        assertTrue(byX.get(1).box().contains(350 + 0.57 * 260, 50 + 0.42 * 260), byX.get(1)::toString);
        for (FaceResult face : analysis.faces()) {
            assertEquals(Emotion.HAPPINESS, face.dominant(), face.scores()::toString);
        }
        assertTrue(analysis.faces().get(0).confidence() >= analysis.faces().get(1).confidence(),
                "best first");
    }

    @Test
    void aSmallFaceIsFlaggedAndNotAssessable() {
        // the photo at 140 px: the face box is about 30 px
        FaceAnalysis analysis = accurate.analyze(TestImages.placed(256, 256, 60, 50, 140));
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertTrue(face.quality().flags().contains(FaceQuality.Flag.SMALL), face.quality()::toString);
        assertFalse(face.assessable());
        assertTrue(face.quality().measures().get("faceSize") < 40, face.quality()::toString);
        assertEquals(1.0, face.scores().asMap().values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-9, "still scored");
    }

    @Test
    void aBlurredFaceIsFlaggedBlurry() {
        ImageFrame sharp = TestImages.astronaut();
        FaceResult blurred = accurate.analyze(blur(sharp, 3)).faces().get(0); // 7x7 box blur
        assertTrue(blurred.quality().flags().contains(FaceQuality.Flag.BLURRY), blurred.quality()::toString);
        assertFalse(blurred.assessable());
        FaceResult slightly = accurate.analyze(blur(sharp, 1)).faces().get(0); // 3x3
        assertFalse(slightly.quality().flags().contains(FaceQuality.Flag.BLURRY), slightly.quality()::toString);
        FaceResult original = accurate.analyze(sharp).faces().get(0);
        assertFalse(original.quality().flags().contains(FaceQuality.Flag.BLURRY));
        assertTrue(original.quality().measures().get("sharpness")
                > 5 * slightly.quality().measures().get("sharpness") / 2, original.quality()::toString);
    }

    @Test
    void aDarkFaceIsFlaggedUnderexposed() {
        byte[] rgb = TestImages.astronaut().toBytes(PixelFormat.RGB);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) ((rgb[i] & 0xff) / 6);
        }
        ImageFrame dark = ImageFrame.fromPixels(rgb, 512, 512, 512 * 3, PixelFormat.RGB);
        List<FaceResult> faces = accurate.analyze(dark).faces();
        assertEquals(1, faces.size(), faces::toString);
        assertTrue(faces.get(0).quality().flags().contains(FaceQuality.Flag.UNDEREXPOSED),
                faces.get(0).quality()::toString);
        assertFalse(faces.get(0).assessable());
        FaceResult crop = accurate.analyzeFace(dark.crop(new BoundingBox(170, 70, 110, 110)));
        assertTrue(crop.quality().flags().contains(FaceQuality.Flag.UNDEREXPOSED), crop.quality()::toString);
    }

    @Test
    void aFaceCutByTheBorderIsFlagged() {
        // the photo shifted left so that the left part of the face is outside the frame
        FaceAnalysis analysis = accurate.analyze(TestImages.placed(512, 512, -200, 0, 512));
        assertEquals(1, analysis.faces().size(), analysis::toString);
        FaceResult face = analysis.faces().get(0);
        assertTrue(face.box().x() < 0, face::toString);
        assertTrue(face.quality().flags().contains(FaceQuality.Flag.CUT_OFF), face::toString);
        assertTrue(face.quality().measures().get("outsideFraction") > 0.1, face::toString);
    }

    @Test
    void aFaceCropIsScoredWithoutDetection() {
        ImageFrame photo = TestImages.astronaut();
        FaceResult face = accurate.analyzeFace(photo.crop(new BoundingBox(160, 50, 130, 150)));
        assertEquals(new BoundingBox(0, 0, 130, 150), face.box());
        assertEquals(1.0, face.confidence());
        assertEquals(Emotion.HAPPINESS, face.dominant(), face.scores()::toString);
        assertFalse(face.quality().measures().containsKey("yawDegrees"), "no keypoints for a crop");
    }

    @Test
    void aBatchOfCropsEqualsOneCropAtATime() {
        ImageFrame photo = TestImages.astronaut();
        List<ImageFrame> crops = List.of(photo.crop(new BoundingBox(160, 50, 130, 150)),
                photo.crop(new BoundingBox(100, 0, 300, 300)), TestImages.noise(80, 90, 3),
                TestImages.gradient(64, 64));
        List<FaceResult> batch = accurate.analyzeFaces(crops);
        assertEquals(crops.size(), batch.size());
        for (int i = 0; i < crops.size(); i++) {
            FaceResult single = accurate.analyzeFace(crops.get(i));
            double[] a = single.scores().toArray();
            double[] b = batch.get(i).scores().toArray();
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 1e-5, "crop " + i + " " + Emotion.values()[k]);
            }
        }
        assertEquals(List.of(), accurate.analyzeFaces(List.of()));
    }

    @Test
    void grayAndAlphaInputsWork() {
        ImageFrame photo = TestImages.astronaut();
        byte[] gray = photo.toBytes(PixelFormat.GRAY);
        FaceAnalysis grayAnalysis = accurate.analyze(ImageFrame.fromPixels(gray, 512, 512, 512,
                PixelFormat.GRAY));
        assertEquals(1, grayAnalysis.faces().size(), grayAnalysis::toString);
        BufferedImage argb = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(photo.toBufferedImage(), 0, 0, null);
        FaceAnalysis alpha = accurate.analyze(ImageFrame.fromBufferedImage(argb));
        assertEquals(1, alpha.faces().size());
        assertEquals(Emotion.HAPPINESS, alpha.faces().get(0).dominant());
    }

    @Test
    void sixteenBitGrayPngWorks() throws Exception {
        byte[] gray = TestImages.astronaut().toBytes(PixelFormat.GRAY);
        BufferedImage deep = new BufferedImage(512, 512, BufferedImage.TYPE_USHORT_GRAY);
        short[] samples = new short[gray.length];
        for (int i = 0; i < gray.length; i++) {
            samples[i] = (short) ((gray[i] & 0xff) * 257);
        }
        deep.getRaster().setDataElements(0, 0, 512, 512, samples);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(deep, "png", png));
        FaceAnalysis analysis = accurate.analyze(ImageFrame.decode(png.toByteArray()));
        assertEquals(1, analysis.faces().size(), analysis::toString);
        assertEquals(Emotion.HAPPINESS, analysis.faces().get(0).dominant());
    }

    @Test
    void resultsAreDeterministic() {
        ImageFrame frame = TestImages.twoFaces();
        assertEquals(accurate.analyze(frame), accurate.analyze(frame));
    }

    @Test
    void closedDetectorRefusesWork() throws Exception {
        FaceEmotionDetector detector = OnnxFaceEmotion.load(Settings.of(
                Map.of("mode", "fast")));
        detector.close();
        detector.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> detector.analyze(TestImages.astronaut()));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> detector.analyzeFace(TestImages.astronaut()));
    }

    static ImageFrame blur(ImageFrame frame, int radius) {
        int w = frame.width();
        int h = frame.height();
        byte[] in = frame.toBytes(PixelFormat.RGB);
        byte[] out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    int n = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            int yy = Math.min(h - 1, Math.max(0, y + dy));
                            int xx = Math.min(w - 1, Math.max(0, x + dx));
                            sum += in[(yy * w + xx) * 3 + c] & 0xff;
                            n++;
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) (sum / n);
                }
            }
        }
        return ImageFrame.fromPixels(out, w, h, w * 3, PixelFormat.RGB);
    }
}
