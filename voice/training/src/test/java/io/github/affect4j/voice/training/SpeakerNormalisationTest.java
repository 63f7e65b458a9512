package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.onnx.VoiceModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speaker normalisation never hurts, by construction: a speaker-normalised model's plain
 * classifier is the model trained without normalisation (the same ONNX bytes), so it reads single
 * clips exactly as that model does, in cross-validation and through the detector; and it reads a
 * stream of one speaker at least as well as the same clips one by one, in cross-validation and
 * through the detector on concatenated clips.
 */
class SpeakerNormalisationTest {

    @TempDir
    static Path dir;

    private static VoiceTrainer.Result raw;
    private static VoiceTrainer.Result normalised;

    @BeforeAll
    static void train() {
        raw = VoiceTrainer.builder().build().train(SyntheticCorpus.features());
        normalised = VoiceTrainer.builder().speakerNormalisation(true).build()
                .train(SyntheticCorpus.features());
        System.out.println("without normalisation:\n" + raw.report());
        System.out.println("with normalisation:\n" + normalised.report());
    }

    @Test
    void singleClipsReadExactlyAsWithoutNormalisation() {
        assertTrue(raw.streamCrossValidation().isEmpty());
        assertTrue(raw.blend().isEmpty());
        assertEquals(raw.crossValidation().toTable(), normalised.crossValidation().toTable());
        assertEquals(raw.crossValidation().uar(), normalised.crossValidation().uar());
        assertEquals(raw.foldUars(), normalised.foldUars());
        // The plain classifier is the model trained without normalisation, byte for byte.
        assertArrayEquals(raw.model().toOnnx().toByteArray(),
                normalised.model().toOnnx().toByteArray());
        assertEquals(VoiceModelCard.Normalisation.NONE, raw.model().card().normalisation());
        assertEquals(VoiceModelCard.Normalisation.SPEAKER_BLEND,
                normalised.model().card().normalisation());
        TrainedVoiceModel centred = normalised.model().centred().orElseThrow().model();
        assertEquals(VoiceModelCard.Normalisation.SPEAKER_MEAN, centred.card().normalisation());
        // ...and the centred one is another model: it was trained on centred copies.
        assertFalse(java.util.Arrays.equals(raw.model().toOnnx().toByteArray(),
                centred.toOnnx().toByteArray()));
    }

    @Test
    void theReportShowsSingleClipsAndStreamsForThePlainAndTheNormalisedReading() {
        String report = normalised.report();
        double single = normalised.crossValidation().uar();
        double stream = normalised.streamCrossValidation().orElseThrow().uar();
        assertTrue(report.contains(String.format(java.util.Locale.ROOT,
                "  plain reading          %.3f        %.3f%n", single, single)), report);
        assertTrue(report.contains(String.format(java.util.Locale.ROOT,
                "  normalised reading     %.3f        %.3f%n", single, stream)), report);
        VoiceTrainer.Blend blend = normalised.blend().orElseThrow();
        VoiceModelCard.CentredModel stage = normalised.model().card().centredModel()
                .orElseThrow();
        assertEquals(blend.switchSeconds(), stage.switchSeconds());
        assertEquals(blend.blendSeconds(), stage.blendSeconds());
        assertTrue(stage.switchSeconds() > 0);
        // The chosen blend is the best of the grid on all streams, the centred classifier
        // alone (from each speaker's second clip) among them.
        assertTrue(blend.chosen().uar() >= blend.centredAlone().uar());
        assertTrue(blend.chosen().uar() >= single);
    }

    /**
     * Through the detector, from the saved files: each clip alone reads exactly as with the
     * model trained without normalisation, its whole-clip summary and its first segment.
     */
    @Test
    void theDetectorReadsEachClipExactlyAsTheModelWithoutNormalisation() throws IOException {
        Path plainDir = Files.createDirectories(dir.resolve("plain"));
        Path normDir = Files.createDirectories(dir.resolve("norm"));
        raw.model().save(plainDir.resolve("m.onnx"));
        normalised.model().save(normDir.resolve("m.onnx"));
        assertArrayEquals(Files.readAllBytes(plainDir.resolve("m.onnx")),
                Files.readAllBytes(normDir.resolve("m.onnx")));
        assertTrue(Files.isRegularFile(normDir.resolve("m.centred.onnx")));
        assertTrue(Files.isRegularFile(normDir.resolve("m.centred.card.properties")));
        assertEquals("m.centred.onnx", VoiceModelCard.read(normDir.resolve("m.card.properties"))
                .centredModel().orElseThrow().file());
        int clips = 0;
        try (VoiceEmotionDetector plain = detector(plainDir.resolve("m.onnx"));
             VoiceEmotionDetector norm = detector(normDir.resolve("m.onnx"))) {
            for (LabelledRecording r : SyntheticCorpus.corpus().recordings()) {
                AudioClip clip = AudioClip.readWav(r.file());
                VoiceAnalysis a = plain.analyze(clip);
                VoiceAnalysis b = norm.analyze(clip);
                assertEquals(a.summary().affect(), b.summary().affect(), r.file().toString());
                assertEquals(a.segments().get(0).affect(), b.segments().get(0).affect());
                clips++;
            }
        }
        assertEquals(40, clips);
    }

    @Test
    void eachFoldReportsItsOwnUarForSingleClipsAndForStreams() {
        assertEquals(raw.folds(), raw.foldUars().size());
        assertTrue(raw.streamFoldUars().isEmpty());
        assertEquals(normalised.folds(), normalised.streamFoldUars().size());
        for (VoiceTrainer.Result r : List.of(raw, normalised)) {
            double mean = r.foldUars().stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            // Folds of whole speakers with the same clips each: the pooled UAR is their mean.
            assertEquals(r.crossValidation().uar(), mean, 0.05, r.foldUars().toString());
            assertTrue(r.foldUars().stream().allMatch(u -> u >= 0 && u <= 1));
            assertTrue(r.report().contains(String.format(java.util.Locale.ROOT,
                    "UAR per fold: mean %.3f", mean)), r.report());
        }
    }

    @Test
    void streamsOfOneSpeakerReadNoWorseThanSingleClips() {
        // The stream figure uses, for each fold, the blend chosen on the other folds.
        double stream = normalised.streamCrossValidation().orElseThrow().uar();
        assertTrue(stream >= normalised.crossValidation().uar(), "stream " + stream
                + " vs single clips " + normalised.crossValidation().uar());
        assertTrue(stream >= raw.crossValidation().uar());
    }

    /**
     * Each synthetic speaker's eight clips joined with 0.6 s pauses into one recording, read by
     * the detector with a normalised model trained on the other four speakers: it finds one
     * segment per clip and, once the centred classifier comes in on the speaker's earlier
     * segments, labels more right than it does reading the clips one by one (measured: 32 vs 28
     * of 40), while each clip alone reads as the plain classifier reads it.
     */
    @Test
    void theDetectorReadsAConcatenatedUnseenSpeakerBetterThanItsClipsAlone() throws IOException {
        int alone = 0;
        int inStream = 0;
        int total = 0;
        for (String actor : List.of("actor01", "actor02", "actor03", "actor04", "actor05")) {
            List<LabelledFeatures> others = SyntheticCorpus.features().stream()
                    .filter(f -> !f.speaker().orElseThrow().equals(actor)).toList();
            Path model = dir.resolve(actor + ".onnx");
            VoiceTrainer.builder().speakerNormalisation(true).build().train(others).model()
                    .save(model);
            List<LabelledRecording> clips = SyntheticCorpus.corpus().recordings().stream()
                    .filter(r -> r.speaker().orElseThrow().equals(actor)).toList();
            assertEquals(8, clips.size());
            try (VoiceEmotionDetector detector = detector(model)) {
                List<AudioClip> audio = new ArrayList<>();
                for (LabelledRecording r : clips) {
                    AudioClip clip = AudioClip.readWav(r.file());
                    audio.add(clip);
                    if (dominant(detector.analyze(clip)) == r.emotion()) {
                        alone++;
                    }
                }
                VoiceAnalysis stream = detector.analyze(concatenate(audio, 0.6));
                assertEquals(8, stream.segments().size(), actor + ": " + stream.segments());
                for (int i = 0; i < 8; i++) {
                    if (stream.segments().get(i).affect().orElseThrow().scores().dominant()
                            == clips.get(i).emotion()) {
                        inStream++;
                    }
                }
            }
            total += 8;
        }
        System.out.printf("detector, unseen speakers: %d of %d right as single clips, %d in "
                + "speaker streams%n", alone, total, inStream);
        assertTrue(inStream > alone, inStream + " in streams vs " + alone + " alone");
    }

    private static VoiceEmotionDetector detector(Path model) {
        return EmotionDetectors.voiceBuilder().provider("onnx").option("model", model.toString())
                .build();
    }

    private static Emotion dominant(VoiceAnalysis analysis) {
        return analysis.affect().orElseThrow().scores().dominant();
    }

    private static AudioClip concatenate(List<AudioClip> clips, double pauseSeconds) {
        int rate = clips.get(0).sampleRate();
        int pause = (int) (pauseSeconds * rate);
        int n = clips.stream().mapToInt(c -> c.length() + pause).sum();
        float[] out = new float[n];
        int at = 0;
        for (AudioClip c : clips) {
            c.copySamples(0, out, at, c.length());
            at += c.length() + pause;
        }
        return AudioClip.of(out, rate);
    }
}
