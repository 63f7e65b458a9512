package io.github.affect4j.voice.models.ravdess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.fixtures.TestClips;
import io.github.affect4j.voice.onnx.OnnxVoiceDetectorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled model: found by discovery with no option, pinned by SHA-256, not stuck on one class
 * on the synthetic corpus and the LibriVox sample, and reading the espeak-ng aroused clips as
 * more aroused than their calm twins (the heuristics' arousal pairs).
 */
class DefaultModelTest {

    /** The SHA-256 of the bundled model: a new model must change this line (and MODELS.md). */
    static final String MODEL_SHA256 =
            "71363c55bdd251603a25070a33f0a48c3e57e4c27e010c2bad40cff88b94ba68";

    private static VoiceEmotionDetector detector;

    @TempDir
    Path dir;

    @BeforeAll
    static void create() {
        detector = EmotionDetectors.voice();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void discoveryUsesTheBundledModelWithoutOptions() {
        assertEquals("onnx", detector.info().providerId(), detector.info()::toString);
        assertTrue(detector.info().model().startsWith("classpath:"
                + OnnxVoiceDetectorProvider.DEFAULT_MODEL_RESOURCE + " (sha256 "
                + MODEL_SHA256.substring(0, 12)), detector.info()::toString);
    }

    @Test
    void theModelIsThePinnedOne() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = resource(OnnxVoiceDetectorProvider.DEFAULT_MODEL_RESOURCE)) {
            sha.update(in.readAllBytes());
        }
        assertEquals(MODEL_SHA256, HexFormat.of().formatHex(sha.digest()));
        try (InputStream card = resource(OnnxVoiceDetectorProvider.DEFAULT_CARD_RESOURCE)) {
            String text = new String(card.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("featureSet=affect4j-voice-features/2"), text);
        }
        assertNotNull(DefaultModelTest.class.getClassLoader()
                .getResource("META-INF/affect4j/voice/NOTICE"), "the licence notice travels along");
    }

    @Test
    void aConfiguredModelWins() throws Exception {
        Path model = dir.resolve("copy.onnx");
        try (InputStream in = resource(OnnxVoiceDetectorProvider.DEFAULT_MODEL_RESOURCE)) {
            Files.copy(in, model);
        }
        try (InputStream in = resource(OnnxVoiceDetectorProvider.DEFAULT_CARD_RESOURCE)) {
            Files.copy(in, dir.resolve("copy.card.properties"));
        }
        try (VoiceEmotionDetector configured = EmotionDetectors.voiceBuilder()
                .option("model", model.toString()).build()) {
            assertTrue(configured.info().model().startsWith("copy.onnx "),
                    configured.info()::toString);
        }
    }

    @Test
    void syntheticClipsAndTheSampleAreNotAllOneClass() throws IOException {
        Map<Emotion, Integer> counts = new TreeMap<>();
        List<Path> clips;
        try (Stream<Path> files = Files.list(TestClips.syntheticDir())) {
            clips = files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertEquals(40, clips.size());
        for (Path clip : clips) {
            VoiceAnalysis a = detector.analyze(AudioClip.readWav(clip));
            Emotion top = a.affect().orElseThrow().scores().dominant();
            counts.merge(top, 1, Integer::sum);
        }
        Path sample = Path.of(System.getProperty("affect4j.samples.dir", "../../examples/samples"))
                .resolve("speech.wav");
        VoiceAnalysis speech = detector.analyze(AudioClip.readWav(sample));
        System.out.println("bundled model, synthetic corpus: " + counts + "; speech.wav: "
                + speech.affect().orElseThrow().scores());
        assertTrue(counts.size() >= 3, "predicted classes " + counts);
        assertTrue(counts.values().stream().allMatch(n -> n <= 30), "one class dominates "
                + counts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-zug", "gb-fox", "us-fox"})
    void arousedReadsMoreArousedThanCalm(String pair) throws IOException {
        Path folder = Path.of(System.getProperty("affect4j.arousal.dir"));
        double aroused = arousal(AudioClip.readWav(folder.resolve(pair + "-aroused.wav")));
        double calm = arousal(AudioClip.readWav(folder.resolve(pair + "-calm.wav")));
        System.out.println(pair + ": aroused " + aroused + ", calm " + calm);
        // Clearly apart, not just in order: measured differences are 0.34 to 0.67.
        assertTrue(aroused - calm > 0.2, pair + ": aroused " + aroused + " vs calm " + calm);
    }

    private static double arousal(AudioClip clip) {
        return detector.analyze(clip).affect().orElseThrow().arousal();
    }

    private static InputStream resource(String name) {
        InputStream in = DefaultModelTest.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(in, name);
        return in;
    }
}
