package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.voice.fixtures.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without speakers the trainer refuses, unless speaker-dependent figures are asked for; prefixed
 * corpus names still give speakers.
 */
class SpeakerIndependenceTest {

    @TempDir
    Path dir;

    private static List<LabelledFeatures> withoutSpeakers() {
        return SyntheticCorpus.features().stream().map(f -> new LabelledFeatures(
                new LabelledRecording(f.recording().file(), f.recording().emotion(),
                        null), f.values(), f.speechSeconds())).toList();
    }

    @Test
    void refusesRecordingsWithoutSpeakers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VoiceTrainer.builder().build().train(withoutSpeakers()));
        assertTrue(e.getMessage().contains("40 of 40 recordings name no speaker"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-speaker-dependent"), e.getMessage());
    }

    @Test
    void refusesASingleSpeaker() {
        List<LabelledFeatures> one = SyntheticCorpus.features().stream()
                .filter(f -> f.speaker().orElseThrow().equals("actor01")).toList();
        assertFalse(one.isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VoiceTrainer.builder().build().train(one));
        assertTrue(e.getMessage().contains("one speaker"), e.getMessage());
    }

    @Test
    void allowedSpeakerDependentTrainingSaysSo() {
        VoiceTrainer.Result result = VoiceTrainer.builder().allowSpeakerDependent(true).build()
                .train(withoutSpeakers());
        assertFalse(result.speakerIndependent());
        assertEquals(0, result.speakers());
        assertTrue(result.report().contains("NOT speaker-independent"), result.report());
        assertEquals("recording (not speaker-independent)",
                result.model().card().training().get("cv.grouping"));
    }

    @Test
    void prefixedRavdessNamesKeepTheirSpeakers() throws Exception {
        try (var files = Files.list(TestClips.syntheticDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).toList()) {
                Files.copy(f, dir.resolve("ravdess__" + f.getFileName()));
            }
        }
        VoiceCorpus corpus = VoiceCorpus.scan(dir, LabelScheme.AUTO, null);
        assertEquals(40, corpus.recordings().size());
        assertEquals(5, corpus.speakerCount());
        VoiceTrainer.Result result = VoiceTrainer.builder().threads(2).build().train(corpus);
        assertTrue(result.speakerIndependent());
        assertEquals(5, result.speakers());
    }
}
