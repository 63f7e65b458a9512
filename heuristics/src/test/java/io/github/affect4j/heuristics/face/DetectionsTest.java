package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceQuality.Flag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging, confidence and quality rules, without OpenCV. */
class DetectionsTest {

    @Test
    void overlappingDetectionsKeepTheOneWithMostNeighbours() {
        FaceCandidate strong = new FaceCandidate(100, 100, 80, 80, 30);
        FaceCandidate shifted = new FaceCandidate(120, 110, 80, 80, 5);
        FaceCandidate around = new FaceCandidate(80, 80, 140, 140, 8);
        FaceCandidate elsewhere = new FaceCandidate(400, 100, 60, 60, 4);

        List<FaceCandidate> merged = Detections.merge(List.of(shifted, around, elsewhere, strong));

        assertEquals(List.of(strong, elsewhere), merged);
    }

    @Test
    void touchingButSeparateFacesAreBothKept() {
        FaceCandidate left = new FaceCandidate(0, 0, 100, 100, 10);
        FaceCandidate right = new FaceCandidate(90, 0, 100, 100, 12);

        assertEquals(List.of(right, left), Detections.merge(List.of(left, right)));
    }

    @Test
    void confidenceRisesWithNeighboursAndEyesAndStaysInRange() {
        assertEquals(0, Detections.confidence(0, 0));
        assertTrue(Detections.confidence(3, 0) < Detections.LOW_CONFIDENCE);
        assertTrue(Detections.confidence(40, 0) < Detections.LOW_CONFIDENCE,
                "a face without eyes stays below 0.5");
        assertTrue(Detections.confidence(30, 200) > 0.9);
        assertTrue(Detections.confidence(10, 50) > Detections.confidence(10, 5));
        assertTrue(Detections.confidence(Integer.MAX_VALUE, Integer.MAX_VALUE) <= 1);
        assertEquals(0, Detections.confidence(-5, -5));
    }

    @Test
    void qualityFlagsFollowTheThresholds() {
        FaceCues cues = FaceCues.of(0, 0, 0, 0, 0);
        CueMeter.Measurement good = new CueMeter.Measurement(cues, 100, 0.5);

        FaceQuality fine = QualityRules.assess(100, 40, good, 0.9, false);
        assertTrue(fine.assessable());
        assertTrue(fine.flags().isEmpty());
        assertEquals(100.0, fine.measures().get("faceSize"));

        assertEquals(java.util.Set.of(Flag.SMALL),
                QualityRules.assess(39, 40, good, 0.9, false).flags());
        assertEquals(java.util.Set.of(Flag.LOW_CONFIDENCE, Flag.CUT_OFF),
                QualityRules.assess(100, 40, good, 0.4, true).flags());
        assertEquals(java.util.Set.of(Flag.BLURRY, Flag.UNDEREXPOSED), QualityRules.assess(100, 40,
                new CueMeter.Measurement(cues, QualityRules.MIN_SHARPNESS - 1, 0.1), 1, false).flags());
        FaceQuality bright = QualityRules.assess(100, 40,
                new CueMeter.Measurement(cues, 100, 0.9), 1, false);
        assertEquals(java.util.Set.of(Flag.OVEREXPOSED), bright.flags());
        assertTrue(!bright.assessable());
    }
}
