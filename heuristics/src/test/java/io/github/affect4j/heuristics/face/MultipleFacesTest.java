package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Images composed of several copies of the sample's head, placed and scaled by the test. */
class MultipleFacesTest {

    private static FaceEmotionDetector detector;

    @BeforeAll
    static void create() {
        detector = Detectors.create();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void twoFacesOfDifferentSizes() {
        BufferedImage canvas = canvas(760, 360);
        Graphics2D g = canvas.createGraphics();
        Samples.drawHead(g, 40, 80, 1.0);
        Samples.drawHead(g, 430, 40, 1.6);
        g.dispose();

        FaceAnalysis analysis = detector.analyze(ImageFrame.fromBufferedImage(canvas));

        assertEquals(2, analysis.faces().size(), () -> "faces: " + analysis.faces());
        List<FaceResult> byX = analysis.faces().stream()
                .sorted(Comparator.comparingInt(face -> face.box().x())).toList();
        Samples.assertCoversFace(byX.get(0).box(), 40, 80, 1.0);
        Samples.assertCoversFace(byX.get(1).box(), 430, 40, 1.6);
        for (FaceResult face : analysis.faces()) {
            assertEquals(Emotion.HAPPINESS, face.dominant(), () -> "scores " + face.scores());
        }
        assertSortedByConfidence(analysis);
    }

    @Test
    void largeImageIsDownscaledForDetectionAndBoxesComeBackInSourcePixels() {
        // 2400 px wide: above maxImageSide (1024), so detection runs on a 0.43 scale copy.
        BufferedImage canvas = canvas(2400, 900);
        Graphics2D g = canvas.createGraphics();
        Samples.drawHead(g, 200, 150, 3.0);
        Samples.drawHead(g, 1500, 250, 2.5);
        g.dispose();

        FaceAnalysis analysis = detector.analyze(ImageFrame.fromBufferedImage(canvas));

        assertEquals(2400, analysis.imageWidth());
        assertEquals(2, analysis.faces().size(), () -> "faces: " + analysis.faces());
        List<FaceResult> byX = analysis.faces().stream()
                .sorted(Comparator.comparingInt(face -> face.box().x())).toList();
        Samples.assertCoversFace(byX.get(0).box(), 200, 150, 3.0);
        Samples.assertCoversFace(byX.get(1).box(), 1500, 250, 2.5);
    }

    @Test
    void aFaceBelowMinFaceSizeIsReportedButFlaggedSmall() {
        BufferedImage canvas = canvas(400, 300);
        Graphics2D g = canvas.createGraphics();
        Samples.drawHead(g, 40, 40, 1.0);
        Samples.drawHead(g, 250, 60, 0.6); // face about 56 px wide
        g.dispose();

        try (FaceEmotionDetector strict = Detectors.create(Map.of("minFaceSize", "80"))) {
            FaceAnalysis analysis = strict.analyze(ImageFrame.fromBufferedImage(canvas));

            assertEquals(2, analysis.faces().size(), () -> "faces: " + analysis.faces());
            FaceResult large = analysis.largestFace().orElseThrow();
            FaceResult small = analysis.faces().stream().filter(face -> face != large)
                    .findFirst().orElseThrow();
            Samples.assertCoversFace(small.box(), 250, 60, 0.6);
            assertTrue(small.quality().flags().contains(io.github.affect4j.FaceQuality.Flag.SMALL),
                    () -> "quality " + small.quality());
            assertTrue(!small.assessable());
            assertTrue(!large.quality().flags().contains(io.github.affect4j.FaceQuality.Flag.SMALL));
        }
    }

    @Test
    void aggressiveSettingsStillGiveOneBoxPerFace() {
        // A fine scale step and a single neighbour make many raw detections around the face;
        // grouping (OpenCV's, then Detections.merge, tested on its own in DetectionsTest) must
        // leave one.
        try (FaceEmotionDetector fine = Detectors.create(Map.of("scaleFactor", "1.03",
                "minNeighbors", "1", "minConfidence", "0"))) {
            FaceAnalysis analysis = fine.analyze(Samples.astronaut());

            List<FaceResult> onFace = analysis.faces().stream()
                    .filter(face -> face.box().iou(Samples.FACE) > 0).toList();
            assertEquals(1, onFace.size(), () -> "faces on her face: " + onFace);
            Samples.assertCoversFace(onFace.get(0).box());
        }
    }

    private static void assertSortedByConfidence(FaceAnalysis analysis) {
        for (int i = 1; i < analysis.faces().size(); i++) {
            assertTrue(analysis.faces().get(i - 1).confidence()
                    >= analysis.faces().get(i).confidence());
        }
    }

    /** A light grey background like the sample's studio backdrop. */
    private static BufferedImage canvas(int width, int height) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(205, 205, 200));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return canvas;
    }
}
