package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.Emotion;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector on the bundled portrait of Eileen Collins, and on changes painted onto it. */
class SamplePhotoTest {

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
    void findsExactlyTheOneFace() {
        FaceAnalysis analysis = detector.analyze(Samples.astronaut());

        assertEquals(512, analysis.imageWidth());
        assertEquals(512, analysis.imageHeight());
        assertEquals(1, analysis.faces().size(), () -> "faces: " + analysis.faces());
        FaceResult face = analysis.faces().get(0);
        Samples.assertCoversFace(face.box());
        assertTrue(face.confidence() > 0.8, () -> "confidence " + face.confidence());
        assertTrue(face.assessable(), () -> "quality " + face.quality());
        assertEquals(HeuristicFaceDetectorProvider.ID, analysis.detector().providerId());
    }

    @Test
    void readsHerSmileAsHappiness() {
        FaceResult face = detector.analyze(Samples.astronaut()).faces().get(0);

        assertEquals(Emotion.HAPPINESS, face.dominant(), () -> "scores " + face.scores()
                + ", measures " + face.quality().measures());
        assertTrue(face.quality().measures().get("cue.smile") > 0.7,
                () -> "smile cue " + face.quality().measures());
        assertTrue(face.scores().valence() > 0.3, () -> "valence " + face.scores().valence());
    }

    @Test
    void mirroredPhotoGivesTheMirroredBoxAndTheSameReading() {
        FaceResult original = detector.analyze(Samples.astronaut()).faces().get(0);
        FaceAnalysis analysis = detector.analyze(Samples.mirrored(Samples.astronautImage()));

        assertEquals(1, analysis.faces().size());
        FaceResult mirrored = analysis.faces().get(0);
        BoundingBox expected = new BoundingBox(512 - original.box().x() - original.box().width(),
                original.box().y(), original.box().width(), original.box().height());
        assertTrue(mirrored.box().iou(expected) > 0.8, () -> mirrored.box() + " vs " + expected);
        assertEquals(Emotion.HAPPINESS, mirrored.dominant());
        assertEquals(original.scores().probability(Emotion.HAPPINESS),
                mirrored.scores().probability(Emotion.HAPPINESS), 0.1);
    }

    @Test
    void analyzeFaceTakesTheWholeCropAsTheFace() {
        ImageFrame crop = Samples.astronaut().crop(Samples.FACE);

        FaceResult face = detector.analyzeFace(crop);

        assertEquals(new BoundingBox(0, 0, crop.width(), crop.height()), face.box());
        assertEquals(1.0, face.confidence());
        assertEquals(Emotion.HAPPINESS, face.dominant(), () -> "scores " + face.scores());
        assertTrue(face.assessable(), () -> "quality " + face.quality());
    }

    @Test
    void withoutSmileEvidenceTheFaceIsNeutral() {
        // Erased, the lower face no longer passes the face cascade: measure the crop directly.
        FaceResult face = detector.analyzeFace(
                Samples.paintedAstronaut(Samples::eraseLowerFace).crop(Samples.FACE));

        assertTrue(face.quality().measures().get("cue.smile") < 0.1,
                () -> "measures " + face.quality().measures());
        assertEquals(Emotion.NEUTRAL, face.dominant(), () -> "scores " + face.scores()
                + ", measures " + face.quality().measures());
        assertTrue(face.scores().probability(Emotion.HAPPINESS) < 0.15, () -> "scores " + face.scores());
    }

    @Test
    void aWideOpenMouthWithOpenEyesIsSurprise() {
        FaceResult face = single(Samples.paintedAstronaut(Samples::openMouth));

        assertTrue(face.quality().measures().get("cue.mouthOpen") > 0.8,
                () -> "measures " + face.quality().measures());
        assertEquals(Emotion.SURPRISE, face.dominant(), () -> "scores " + face.scores());
    }

    @Test
    void frownLinesRaiseTheFurrowCueAndAngerButNotAboveTheSmile() {
        FaceResult plain = single(Samples.astronaut());
        FaceResult frowning = single(Samples.paintedAstronaut(Samples::frownLines));

        assertTrue(frowning.quality().measures().get("cue.browFurrow") > 0.5,
                () -> "measures " + frowning.quality().measures());
        assertEquals(0.0, plain.quality().measures().get("cue.browFurrow"));
        assertTrue(frowning.scores().probability(Emotion.ANGER)
                > plain.scores().probability(Emotion.ANGER));
        // The smile still wins: anger is damped by (1 - smile).
        assertEquals(Emotion.HAPPINESS, frowning.dominant());
    }

    @Test
    void reportsCuesAndQualityMeasures() {
        FaceResult face = single(Samples.astronaut());

        var measures = face.quality().measures();
        for (String name : new String[] {"faceSize", "sharpness", "brightness", "cue.smile",
                "cue.eyesOpen", "cue.mouthOpen", "cue.browFurrow", "raw.smileHits"}) {
            assertTrue(measures.containsKey(name), () -> name + " missing from " + measures);
        }
        assertEquals(Math.min(face.box().width(), face.box().height()), measures.get("faceSize"));
        assertTrue(measures.get("brightness") > 0.4 && measures.get("brightness") < 0.85);
        assertTrue(measures.get("cue.eyesOpen") > 0.8, () -> "measures " + measures);
    }

    private static FaceResult single(ImageFrame image) {
        FaceAnalysis analysis = detector.analyze(image);
        assertEquals(1, analysis.faces().size(), () -> "faces: " + analysis.faces());
        return analysis.faces().get(0);
    }
}
