package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speaker normalisation never hurts: a speaker-normalised model reads single clips at least as
 * well as a model trained without it, and reads a stream of one speaker at least as well as the
 * same clips one by one; in cross-validation and through the detector on concatenated clips.
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
    void singleClipsReadNoWorseThanWithoutNormalisation() {
        assertTrue(raw.streamCrossValidation().isEmpty());
        assertTrue(normalised.crossValidation().uar() >= raw.crossValidation().uar(),
                "single clips: normalised " + normalised.crossValidation().uar() + " vs raw "
                        + raw.crossValidation().uar());
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
        double stream = normalised.streamCrossValidation().orElseThrow().uar();
        assertTrue(stream >= normalised.crossValidation().uar(), "stream " + stream
                + " vs single clips " + normalised.crossValidation().uar());
        assertTrue(stream >= raw.crossValidation().uar());
    }

    /**
     * Each synthetic speaker's eight clips joined with 0.6 s pauses into one recording, read by
     * the detector with a normalised model trained on the other four speakers: it finds one
     * segment per clip and, centring each on the speaker's earlier ones, labels at least as many
     * right as it does reading the clips one by one.
     */
    @Test
    void theDetectorReadsAConcatenatedUnseenSpeakerNoWorseThanItsClipsAlone() throws IOException {
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
            try (VoiceEmotionDetector detector = EmotionDetectors.voiceBuilder().provider("onnx")
                    .option("model", model.toString()).build()) {
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
        assertTrue(inStream >= alone, inStream + " in streams vs " + alone + " alone");
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
