package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.VoiceResult;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.voice.features.AcousticFeatureExtractor;
import io.github.affect4j.voice.features.ClipFeatures;
import io.github.affect4j.voice.features.SpeechFeatures;
import io.github.affect4j.voice.fixtures.TestClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waveform models through the provider, on real speech: the tiny models compute simple functions
 * of their input (see make_tiny_models.py), so every output is predicted here from the samples
 * of each segment.
 */
class WaveformModelTest {

    private static AudioClip speech;
    private static ClipFeatures features;

    @TempDir
    Path dir;

    @BeforeAll
    static void extract() {
        speech = TestClips.speech();
        features = new AcousticFeatureExtractor().keepingSamples().extract(speech);
        assertTrue(features.segments().size() >= 1, features.toString());
    }

    static Path resource(String name) {
        try {
            return Path.of(WaveformModelTest.class.getResource(
                    "/io/github/affect4j/voice/waveform/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VoiceEmotionDetector detector(String model) {
        return EmotionDetectors.voiceBuilder().option("model", resource(model).toString()).build();
    }

    @Test
    void categoricalModelReadsEachSegmentAndTheSummaryNormalised() {
        try (VoiceEmotionDetector d = detector("categorical_dynamic.onnx")) {
            assertEquals("onnx", d.info().providerId());
            assertTrue(d.info().description().startsWith("waveform model (logits, dynamic length)"),
                    d.info().description());
            assertTrue(d.info().model().startsWith("categorical_dynamic.onnx (sha256 "),
                    d.info().model());
            VoiceAnalysis a = d.analyze(speech);
            assertEquals(features.segments().size(), a.segments().size());
            for (int i = 0; i < a.segments().size(); i++) {
                SpeechFeatures s = features.segments().get(i);
                VoiceResult r = a.segments().get(i);
                assertEquals(s.startSeconds(), r.startSeconds(), 1e-9);
                assertScores(categorical(normalised(s.samples())), r.affect().orElseThrow());
            }
            float[] all = features.speech().orElseThrow().samples();
            int total = features.segments().stream().mapToInt(SpeechFeatures::sampleCount).sum();
            assertEquals(total, all.length);
            assertScores(categorical(normalised(all)), a.affect().orElseThrow());
        }
    }

    @Test
    void fixedWindowsArePooledOverTheirLogits() {
        try (VoiceEmotionDetector d = detector("categorical_window.onnx")) {
            VoiceAnalysis a = d.analyze(speech);
            for (int i = 0; i < a.segments().size(); i++) {
                float[] x = features.segments().get(i).samples();
                assertTrue(x.length > 8000, "a segment longer than a window: " + x.length);
                List<double[]> windows = new ArrayList<>();
                for (int start : expectedStarts(x.length, 8000, 4000)) {
                    windows.add(logits(Arrays.copyOfRange(x, start, start + 8000)));
                }
                double[] mean = new double[4];
                for (double[] w : windows) {
                    for (int k = 0; k < 4; k++) {
                        mean[k] += w[k] / windows.size();
                    }
                }
                assertScores(softmax(mean), a.segments().get(i).affect().orElseThrow());
            }
        }
    }

    @Test
    void meanOfProbabilitiesPoolsAfterTheSoftmax() throws IOException {
        Path model = copy("categorical_window.onnx");
        card(model, "categorical_window.card.properties", "input.pooling = mean-logits",
                "input.pooling = mean-probabilities");
        try (VoiceEmotionDetector d = EmotionDetectors.voiceBuilder()
                .option("model", model.toString()).build()) {
            VoiceAnalysis a = d.analyze(speech);
            float[] x = features.segments().get(0).samples();
            double[] mean = new double[4];
            List<Integer> starts = expectedStarts(x.length, 8000, 4000);
            for (int start : starts) {
                double[] p = softmax(logits(Arrays.copyOfRange(x, start, start + 8000)));
                for (int k = 0; k < 4; k++) {
                    mean[k] += p[k] / starts.size();
                }
            }
            assertScores(mean, a.segments().get(0).affect().orElseThrow());
        }
    }

    @Test
    void aSpanShorterThanAWindowIsPaddedWithZeros() throws IOException {
        Path model = copy("categorical_window.onnx");
        card(model, "categorical_window.card.properties", "input.pooling = mean-logits",
                "input.pooling = mean-logits");
        WaveformModelCard card = WaveformModelCard.read(VoiceModelCard.cardPath(model));
        try (WaveformClassifier c = WaveformClassifier.load(Files.readAllBytes(model), "w.onnx", 1,
                card)) {
            float[] x = new float[3000];
            Arrays.fill(x, 0.5f);
            float[] padded = Arrays.copyOf(x, 8000);
            assertArrayEquals(softmax(logits(padded)), c.pooledOutput(x), 1e-6);
        }
    }

    @Test
    void windowsCoverTheWholeSpan() {
        assertEquals(List.of(0), WaveformClassifier.windowStarts(100, 8000, 4000));
        assertEquals(List.of(0), WaveformClassifier.windowStarts(8000, 8000, 4000));
        assertEquals(List.of(0, 1000), WaveformClassifier.windowStarts(9000, 8000, 4000));
        assertEquals(List.of(0, 4000, 8000), WaveformClassifier.windowStarts(16000, 8000, 4000));
        assertEquals(List.of(0, 4000, 8000, 8500),
                WaveformClassifier.windowStarts(16500, 8000, 4000));
        assertEquals(List.of(0, 8000, 9000), WaveformClassifier.windowStarts(17000, 8000, 8000));
    }

    @Test
    void dimensionalOutputsGiveArousalValenceAndCircumplexScores() {
        try (VoiceEmotionDetector d = detector("dimensional.onnx")) {
            VoiceAnalysis a = d.analyze(speech);
            for (int i = 0; i < a.segments().size(); i++) {
                float[] x = features.segments().get(i).samples();
                double ms = 0;
                double abs = 0;
                for (float v : x) {
                    ms += (double) v * v;
                    abs += Math.abs(v);
                }
                ms /= x.length;
                abs /= x.length;
                double arousal = 2 * sigmoid(Math.log10(ms) + 2) - 1;
                double valence = 2 * sigmoid(10 * abs - 1) - 1;
                VoiceAffect affect = a.segments().get(i).affect().orElseThrow();
                assertEquals(arousal, affect.arousal(), 2e-5);
                assertEquals(valence, affect.valence(), 2e-5);
                EmotionScores expected = EmotionScores.fromCircumplex(affect.valence(),
                        affect.arousal());
                assertArrayEquals(expected.toArray(), affect.scores().toArray(), 1e-12);
            }
            assertTrue(a.affect().isPresent());
        }
    }

    @Test
    void streamingGivesTheSegmentsOfTheWholeClip() {
        try (VoiceEmotionDetector d = detector("categorical_dynamic.onnx");
             VoiceEmotionStream stream = d.openStream(speech.sampleRate())) {
            VoiceAnalysis whole = d.analyze(speech);
            float[] samples = speech.samples();
            List<VoiceResult> results = new ArrayList<>();
            int chunk = speech.sampleRate() / 50;
            for (int from = 0; from < samples.length; from += chunk) {
                results.addAll(stream.accept(Arrays.copyOfRange(samples, from,
                        Math.min(samples.length, from + chunk))));
            }
            results.addAll(stream.flush());
            assertEquals(whole.segments().size(), results.size());
            for (int i = 0; i < results.size(); i++) {
                assertEquals(whole.segments().get(i).startSeconds(), results.get(i).startSeconds(),
                        1e-9);
                assertArrayEquals(whole.segments().get(i).affect().orElseThrow().scores().toArray(),
                        results.get(i).affect().orElseThrow().scores().toArray(), 1e-5);
            }
        }
    }

    @Test
    void aCardThatDoesNotMatchTheModelIsNamedAtLoad() throws IOException {
        Path window = copy("categorical_window.onnx");
        card(window, "categorical_window.card.properties", "input.length = 8000",
                "input.length = dynamic");
        assertMismatch(window, "categorical_window.onnx: input 'input_values' has the fixed "
                + "length 8000 but the card says input.length = dynamic (set input.length = 8000)");
        card(window, "categorical_window.card.properties", "input.length = 8000",
                "input.length = 16000");
        assertMismatch(window, "categorical_window.onnx: input 'input_values' has the fixed "
                + "length 8000 but the card says input.length = 16000");
        Path dynamic = copy("categorical_dynamic.onnx");
        card(dynamic, "categorical_dynamic.card.properties", "labels = neu, happy, sad, angry",
                "labels = neu, happy, sad, angry, fear");
        assertMismatch(dynamic, "categorical_dynamic.onnx: output 'logits' has shape [1, 4] but "
                + "the card lists 5 labels: expected [1, 5]");
        card(dynamic, "categorical_dynamic.card.properties", "input.name = input_values",
                "input.name = audio");
        assertMismatch(dynamic, "categorical_dynamic.onnx: has no input 'audio' (its inputs: "
                + "[input_values])");
        Path dimensional = copy("dimensional.onnx");
        card(dimensional, "dimensional.card.properties", "output.dimensions = arousal, dominance, "
                + "valence", "output.dimensions = arousal, valence");
        assertMismatch(dimensional, "dimensional.onnx: output 'values' has shape [1, 3] but the "
                + "card lists 2 dimensions [arousal, valence]: expected [1, 2]");
    }

    @Test
    void invalidCardsAreRefusedWithTheField() throws IOException {
        Path model = copy("dimensional.onnx");
        card(model, "dimensional.card.properties", "output.dimensions = arousal, dominance, "
                + "valence", "output.dimensions = arousal, dominance");
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> create(model));
        assertTrue(e.getMessage().endsWith("output.dimensions must name valence once, got "
                + "[arousal, dominance]"), e.getMessage());
        card(model, "dimensional.card.properties", "output.range = 0, 1", "output.range = 1, 0");
        e = assertThrows(InvalidModelException.class, () -> create(model));
        assertTrue(e.getMessage().contains("output.range must be two finite numbers"),
                e.getMessage());
        card(model, "dimensional.card.properties", "input.length = dynamic",
                "input.length = dynamic\ninput.sampleRate = 8000");
        e = assertThrows(InvalidModelException.class, () -> create(model));
        assertTrue(e.getMessage().contains("input.sampleRate must be 16000"), e.getMessage());
        Path categorical = copy("categorical_dynamic.onnx");
        card(categorical, "categorical_dynamic.card.properties", "labels = neu, happy, sad, angry",
                "labels = neu, happy, sad, boredom");
        e = assertThrows(InvalidModelException.class, () -> create(categorical));
        assertTrue(e.getMessage().contains("labels: 'boredom' is not an emotion label"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(VoiceModelCard.cardPath(categorical).toString()),
                e.getMessage());
    }

    private void assertMismatch(Path model, String message) {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> create(model));
        assertEquals(message, e.getMessage());
    }

    private static void create(Path model) throws IOException {
        new OnnxVoiceDetectorProvider().create(DetectorConfig.of(OnnxVoiceDetectorProvider.OPTIONS, Map.of("model",
                model.toString()))).close();
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        Files.copy(resource(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Writes the model's card from a committed card with one line replaced. */
    private static void card(Path model, String card, String line, String replacement)
            throws IOException {
        String text = Files.readString(resource(card));
        assertTrue(text.contains(line), line);
        Files.writeString(VoiceModelCard.cardPath(model), text.replace(line, replacement));
    }

    /** The tiny model's categorical distribution: softmax of its logits. */
    private static double[] categorical(float[] x) {
        return softmax(logits(x));
    }

    /** [mean, 10 mean(x^2), 5 mean|x|, max], as make_tiny_models.py's Categorical. */
    private static double[] logits(float[] x) {
        double sum = 0;
        double squares = 0;
        double abs = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            sum += v;
            squares += (double) v * v;
            abs += Math.abs(v);
            max = Math.max(max, v);
        }
        return new double[] {sum / x.length, 10 * squares / x.length, 5 * abs / x.length, max};
    }

    private static float[] normalised(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((x[i] - mean) / Math.sqrt(var + 1e-7));
        }
        return out;
    }

    private static List<Integer> expectedStarts(int length, int window, int hop) {
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s + window <= length; s += hop) {
            starts.add(s);
        }
        if (starts.get(starts.size() - 1) + window < length) {
            starts.add(length - window);
        }
        return starts;
    }

    private static double[] softmax(double[] l) {
        double max = Arrays.stream(l).max().orElseThrow();
        double[] p = Arrays.stream(l).map(v -> Math.exp(v - max)).toArray();
        double sum = Arrays.stream(p).sum();
        return Arrays.stream(p).map(v -> v / sum).toArray();
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** The label order of the cards: neutral, happiness, sadness, anger. */
    private static void assertScores(double[] expected, VoiceAffect affect) {
        Emotion[] order = {Emotion.NEUTRAL, Emotion.HAPPINESS, Emotion.SADNESS, Emotion.ANGER};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], affect.scores().probability(order[k]), 1e-5,
                    order[k] + " in " + affect.scores());
        }
        assertEquals(0, affect.scores().probability(Emotion.FEAR));
        assertEquals(Math.max(-1, Math.min(1, affect.scores().arousal())), affect.arousal(), 1e-12);
    }
}
