package io.github.affect4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The result value types validate their arguments and copy their collections. */
class ResultRecordsTest {

    private static final BoundingBox BOX = new BoundingBox(1, 2, 30, 40);
    private static final EmotionScores HAPPY = EmotionScores.certain(Emotion.HAPPINESS);
    private static final DetectorInfo INFO = new DetectorInfo("stub", "a stub", "none");

    @ParameterizedTest
    @ValueSource(doubles = {-0.001, 1.001, Double.NaN, Double.POSITIVE_INFINITY})
    void faceConfidenceOutsideUnitIntervalIsRejected(double confidence) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FaceResult(BOX, confidence, HAPPY, FaceQuality.good()));
        assertEquals("confidence must be in [0, 1], got " + confidence, e.getMessage());
    }

    @Test
    void faceResultAcceptsTheBoundsAndOffersShortcuts() {
        FaceResult zero = new FaceResult(BOX, 0, HAPPY, FaceQuality.good());
        FaceResult one = new FaceResult(BOX, 1, HAPPY,
                new FaceQuality(false, Set.of(FaceQuality.Flag.SMALL), Map.of("faceSize", 12.0)));
        assertEquals(Emotion.HAPPINESS, zero.dominant());
        assertTrue(zero.assessable());
        assertFalse(one.assessable());
        assertThrows(NullPointerException.class,
                () -> new FaceResult(null, 0.5, HAPPY, FaceQuality.good()));
        assertThrows(NullPointerException.class,
                () -> new FaceResult(BOX, 0.5, null, FaceQuality.good()));
        assertThrows(NullPointerException.class, () -> new FaceResult(BOX, 0.5, HAPPY, null));
    }

    @Test
    void faceSourceDefaultsToDetectedAndIsRequired() {
        assertEquals(FaceSource.DETECTED, new FaceResult(BOX, 0.5, HAPPY, FaceQuality.good())
                .source());
        FaceResult whole = new FaceResult(BOX, 0, HAPPY, FaceQuality.good(),
                FaceSource.WHOLE_IMAGE_UNDETECTED);
        assertEquals(FaceSource.WHOLE_IMAGE_UNDETECTED, whole.source());
        assertTrue(whole.source().wholeImage());
        assertFalse(FaceSource.DETECTED.wholeImage());
        assertThrows(NullPointerException.class,
                () -> new FaceResult(BOX, 0.5, HAPPY, FaceQuality.good(), null));
    }

    @Test
    void faceQualityCopiesItsCollectionsAndSortsMeasures() {
        Set<FaceQuality.Flag> flags = EnumSet.of(FaceQuality.Flag.BLURRY);
        Map<String, Double> measures = new HashMap<>(Map.of("sharpness", 0.1, "brightness", 0.5,
                "faceSize", 20.0));
        FaceQuality quality = new FaceQuality(false, flags, measures);
        flags.add(FaceQuality.Flag.SMALL);
        measures.put("yawDegrees", 40.0);
        assertEquals(Set.of(FaceQuality.Flag.BLURRY), quality.flags());
        assertEquals(List.of("brightness", "faceSize", "sharpness"),
                List.copyOf(quality.measures().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> quality.measures().clear());
        assertEquals(new FaceQuality(true, Set.of(), Map.of()), FaceQuality.good());
    }

    @Test
    void faceAnalysisCopiesFacesAndFindsTheLargest() {
        FaceResult small = new FaceResult(new BoundingBox(0, 0, 10, 10), 0.9, HAPPY,
                FaceQuality.good());
        FaceResult large = new FaceResult(new BoundingBox(50, 50, 40, 30), 0.6, HAPPY,
                FaceQuality.good());
        List<FaceResult> faces = new ArrayList<>(List.of(small, large));
        FaceAnalysis analysis = new FaceAnalysis(640, 480, faces, INFO);
        faces.clear();
        assertEquals(List.of(small, large), analysis.faces());
        assertEquals(Optional.of(large), analysis.largestFace());
        assertEquals(Optional.empty(), new FaceAnalysis(640, 480, List.of(), INFO).largestFace());
        assertThrows(NullPointerException.class, () -> new FaceAnalysis(1, 1, List.of(), null));
    }

    @ParameterizedTest
    @CsvSource({"1.01, 0", "-1.01, 0", "0, 1.5", "0, -7", "NaN, 0", "0, NaN", "Infinity, 0"})
    void voiceAffectOutsideRangeIsRejected(double valence, double arousal) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VoiceAffect(HAPPY, valence, arousal));
        assertEquals("valence and arousal must be in [-1, 1], got " + valence + " and " + arousal,
                e.getMessage());
    }

    @Test
    void voiceAffectAcceptsTheBounds() {
        VoiceAffect affect = new VoiceAffect(HAPPY, -1, 1);
        assertEquals(-1, affect.valence(), 0.0);
        assertEquals(1, affect.arousal(), 0.0);
        assertThrows(NullPointerException.class, () -> new VoiceAffect(null, 0, 0));
    }

    @Test
    void voiceAffectTakesValenceThenArousalLikeEmotionAndFromCircumplex() {
        // Pleasant and calm: swapped, the pair would read as unpleasant and activated.
        VoiceAffect affect = new VoiceAffect(HAPPY, 0.8, -0.6);
        assertEquals(0.8, affect.valence(), 0.0);
        assertEquals(-0.6, affect.arousal(), 0.0);
        assertEquals(List.of("scores", "valence", "arousal"),
                Arrays.stream(VoiceAffect.class.getRecordComponents())
                        .map(RecordComponent::getName).toList());
    }

    @ParameterizedTest
    @CsvSource({"-0.5, 1", "2, 1", "NaN, 1", "0, NaN", "0, Infinity", "-Infinity, 0"})
    void voiceResultRejectsInvalidSpans(double start, double end) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> voiceResult(start, end, 0.5));
        assertTrue(e.getMessage().startsWith("invalid span "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void voiceResultRejectsInvalidSpeechRatio(double ratio) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> voiceResult(0, 1, ratio));
        assertEquals("speech ratio must be in [0, 1], got " + ratio, e.getMessage());
    }

    @Test
    void voiceResultSpanAndShortcuts() {
        VoiceResult empty = voiceResult(1.5, 1.5, 0);
        assertEquals(0.0, empty.durationSeconds(), 0.0);
        assertFalse(empty.hasSpeech());
        VoiceAffect affect = new VoiceAffect(HAPPY, 0.2, 0.1);
        VoiceResult spoken = new VoiceResult(0.25, 2.0, 1, affect, Prosody.unknown(),
                Set.of(VoiceResult.Flag.CLIPPED));
        assertEquals(1.75, spoken.durationSeconds(), 0.0);
        assertTrue(spoken.hasSpeech());
        assertEquals(Optional.of(affect), spoken.affect());
        assertEquals(Optional.empty(), empty.affect());
        assertNull(empty.affectOrNull());
        VoiceAnalysis analysis = new VoiceAnalysis(spoken, List.of(spoken), INFO);
        assertEquals(spoken.affect(), analysis.affect());
        assertEquals(1.75, analysis.durationSeconds(), 0.0);
    }

    @Test
    void voiceResultCopiesFlags() {
        Set<VoiceResult.Flag> flags = EnumSet.of(VoiceResult.Flag.NO_SPEECH);
        VoiceResult result = new VoiceResult(0, 1, 0, null, Prosody.unknown(), flags);
        flags.add(VoiceResult.Flag.CLIPPED);
        assertEquals(Set.of(VoiceResult.Flag.NO_SPEECH), result.flags());
        assertThrows(UnsupportedOperationException.class,
                () -> result.flags().add(VoiceResult.Flag.CLIPPED));
    }

    @Test
    void voiceResultFlagsIterateInDeclarationOrder() {
        // A LinkedHashSet keeps the reverse order given; Set.copyOf would scramble it per JVM.
        Set<VoiceResult.Flag> reversed = new LinkedHashSet<>();
        List<VoiceResult.Flag> declared = List.of(VoiceResult.Flag.values());
        for (int i = declared.size() - 1; i >= 0; i--) {
            reversed.add(declared.get(i));
        }
        VoiceResult result = new VoiceResult(0, 1, 0, null, Prosody.unknown(), reversed);
        assertEquals(declared, List.copyOf(result.flags()));
        assertEquals(List.of(), List.copyOf(voiceResult(0, 1, 0).flags()));
    }

    @Test
    void faceQualityFlagsIterateInDeclarationOrder() {
        Set<FaceQuality.Flag> reversed = new LinkedHashSet<>();
        List<FaceQuality.Flag> declared = List.of(FaceQuality.Flag.values());
        for (int i = declared.size() - 1; i >= 0; i--) {
            reversed.add(declared.get(i));
        }
        FaceQuality quality = new FaceQuality(false, reversed, Map.of());
        assertEquals(declared, List.copyOf(quality.flags()));
        assertThrows(UnsupportedOperationException.class,
                () -> quality.flags().remove(FaceQuality.Flag.SMALL));
        assertThrows(NullPointerException.class,
                () -> new FaceQuality(false, Collections.singleton(null), Map.of()));
    }

    @Test
    void prosodyUnknownHasEveryValueNaN() {
        Prosody unknown = Prosody.unknown();
        for (double value : new double[] {unknown.pitchMedianHz(), unknown.pitchRangeSemitones(),
            unknown.voicedRatio(), unknown.loudnessRangeDb(), unknown.speakingRate(),
            unknown.spectralCentroidHz()}) {
            assertTrue(Double.isNaN(value));
        }
    }

    @Test
    void detectorInfoAndProviderStatusRejectNulls() {
        assertThrows(NullPointerException.class, () -> new DetectorInfo(null, "d", "m"));
        assertThrows(NullPointerException.class, () -> new DetectorInfo("id", null, "m"));
        assertThrows(NullPointerException.class, () -> new DetectorInfo("id", "d", null));
        assertThrows(NullPointerException.class, () -> new ProviderStatus(null, 1, true, ""));
        assertThrows(NullPointerException.class, () -> new ProviderStatus("id", 1, true, null));
    }

    @Test
    void unavailableExceptionMessageWithoutProvidersSaysNoneIsOnTheClassPath() {
        DetectorUnavailableException e = new DetectorUnavailableException("voice", null, List.of());
        assertEquals("No voice emotion detector is available. No voice detector provider is on the"
                + " class path: add affect4j-heuristics (rule-based) or the model-backed module.",
                e.getMessage());
        assertEquals(List.of(), e.rejections());
    }

    @Test
    void unavailableExceptionMessageListsEveryProvider() {
        List<ProviderStatus> seen = new ArrayList<>(List.of(
                new ProviderStatus("onnx", 100, false, "model file x.onnx not found"),
                new ProviderStatus("heuristic", 10, true, "create failed: boom")));
        DetectorUnavailableException e = new DetectorUnavailableException("face", "onnx", seen);
        seen.clear();
        assertEquals("No face emotion detector with provider id 'onnx' is available. Providers seen:"
                + "\n  - onnx (priority 100): model file x.onnx not found"
                + "\n  - heuristic (priority 10): create failed: boom", e.getMessage());
        assertEquals(2, e.rejections().size());
    }

    private static VoiceResult voiceResult(double start, double end, double ratio) {
        return new VoiceResult(start, end, ratio, null, Prosody.unknown(), Set.of());
    }
}
