package io.github.affect4j.voice.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.features.AcousticFeatureExtractor;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import io.github.affect4j.voice.fixtures.TestClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code speaker-blend} model reads with its plain classifier alone until the speaker baseline
 * rests on {@code switchSeconds} of earlier speech, then mixes in its speaker-centred classifier
 * with a weight growing over {@code blendSeconds}: checked segment by segment against each
 * classifier read alone, on a stream of one synthetic speaker's eight clips. The committed
 * fixture model serves as both classifiers (its old {@code speaker-mean} card as the centred
 * one), so the two readings differ only by the centring.
 */
class BlendedClassifierTest {

    @TempDir
    static Path dir;

    private static VoiceModelCard fixtureCard;
    private static byte[] fixtureBytes;
    /** The fixture as its old card reads it: every segment centred on the earlier ones. */
    private static FeatureClassifier centred;
    /** The fixture reading every vector as it comes. */
    private static FeatureClassifier plain;
    /** Speaker actor01's eight clips, each clip's speech as one segment of a stream. */
    private static List<SpeechFeatures> stream;

    @BeforeAll
    static void load() throws IOException {
        Path onnx = FixtureModels.syntheticModel();
        fixtureBytes = Files.readAllBytes(onnx);
        fixtureCard = VoiceModelCard.read(VoiceModelCard.cardPath(onnx));
        assertEquals(VoiceModelCard.Normalisation.SPEAKER_MEAN, fixtureCard.normalisation());
        centred = FeatureClassifier.load(fixtureBytes, "centred", 1, fixtureCard);
        plain = FeatureClassifier.load(fixtureBytes, "plain", 1, plainCard());
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        stream = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestClips.syntheticDir())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-01.wav"))
                    .sorted().toList()) {
                stream.add(extractor.extract(AudioClip.readWav(f)).speech().orElseThrow());
            }
        }
        assertEquals(8, stream.size());
    }

    @AfterAll
    static void close() {
        plain.close();
        centred.close();
    }

    @Test
    void aHardSwitchReadsPlainUntilTheBaselineRestsOnEnoughSpeechThenCentred() throws IOException {
        // Switch once the first three clips were heard: segments 0-2 plain, 3-7 centred.
        double switchSeconds = decayedSeconds(3) - 1e-6;
        assertTrue(decayedSeconds(2) < switchSeconds);
        try (BlendedClassifier blend = blended(switchSeconds, 0)) {
            List<VoiceAffect> read = blend.read(stream, blend.newBaseline(), null);
            List<VoiceAffect> plainRead = plain.read(stream, null, null);
            List<VoiceAffect> centredRead = centred.read(stream, centred.newBaseline(), null);
            assertEquals(8, read.size());
            for (int i = 0; i < 3; i++) {
                // Same batch, same inputs: bit for bit the plain classifier's reading.
                assertEquals(plainRead.get(i), read.get(i), "segment " + i);
            }
            int differ = 0;
            for (int i = 3; i < 8; i++) {
                assertArrayEquals(centredRead.get(i).scores().toArray(),
                        read.get(i).scores().toArray(), 1e-6, "segment " + i);
                if (!close(plainRead.get(i).scores(), centredRead.get(i).scores())) {
                    differ++;
                }
            }
            // Otherwise the test could not tell the two classifiers apart.
            assertTrue(differ >= 3, differ + " centred segments differ from the plain reading");
        }
    }

    @Test
    void aBlendMixesTheCentredProbabilitiesInWithAWeightGrowingWithEarlierSpeech()
            throws IOException {
        double switchSeconds = decayedSeconds(1) / 2;
        double blendSeconds = 3 * decayedSeconds(1);
        try (BlendedClassifier blend = blended(switchSeconds, blendSeconds)) {
            List<VoiceAffect> read = blend.read(stream, blend.newBaseline(), null);
            List<VoiceAffect> plainRead = plain.read(stream, null, null);
            List<VoiceAffect> centredRead = centred.read(stream, centred.newBaseline(), null);
            VoiceModelCard.CentredModel stage = new VoiceModelCard.CentredModel("x.onnx",
                    switchSeconds, blendSeconds);
            int between = 0;
            for (int i = 0; i < 8; i++) {
                double w = stage.weight(decayedSeconds(i));
                if (w > 0 && w < 1) {
                    between++;
                }
                double[] p = plainRead.get(i).scores().toArray();
                double[] q = centredRead.get(i).scores().toArray();
                double[] expected = new double[p.length];
                for (int c = 0; c < p.length; c++) {
                    expected[c] = (1 - w) * p[c] + w * q[c];
                }
                assertArrayEquals(expected, read.get(i).scores().toArray(), 1e-6,
                        "segment " + i + ", weight " + w);
            }
            assertEquals(0, stage.weight(decayedSeconds(0)));
            assertTrue(between >= 2, between + " segments between the two readings");
        }
    }

    @Test
    void theWeightIsZeroBelowTheSwitchAndGrowsLinearlyToOne() {
        VoiceModelCard.CentredModel stage = new VoiceModelCard.CentredModel("m.onnx", 10, 20);
        assertEquals(0, stage.weight(0));
        assertEquals(0, stage.weight(9.99));
        assertEquals(0, stage.weight(10));
        assertEquals(0.25, stage.weight(15), 1e-12);
        assertEquals(1, stage.weight(30));
        assertEquals(1, stage.weight(500));
        VoiceModelCard.CentredModel hard = new VoiceModelCard.CentredModel("m.onnx", 10, 0);
        assertEquals(0, hard.weight(9.99));
        assertEquals(1, hard.weight(10));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceModelCard.CentredModel("m.onnx", 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceModelCard.CentredModel("../m.onnx", 5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceModelCard.CentredModel("sub/m.onnx", 5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceModelCard.CentredModel("m.onnx", 5, -1));
    }

    /**
     * Through the provider, from files as the trainer writes them: a single clip's summary and
     * first segment read exactly as by the plain model alone (card {@code none}); a clip made of
     * the speaker's eight clips is read centred once the switch is passed.
     */
    @Test
    void theDetectorReadsASingleClipExactlyAsThePlainModelAndALongClipCentred() throws IOException {
        Path model = write("blend", blendCard(1e-3, 0, "blend.centred.onnx"));
        Files.write(dir.resolve("blend.centred.onnx"), fixtureBytes);
        Files.writeString(dir.resolve("blend.centred.card.properties"), fixtureCard.toText());
        Path plainModel = write("plain", plainCardAs(VoiceModelCard.Normalisation.NONE));
        Path oldModel = FixtureModels.syntheticModel();
        try (VoiceEmotionDetector blend = detector(model);
             VoiceEmotionDetector alone = detector(plainModel);
             VoiceEmotionDetector old = detector(oldModel)) {
            assertTrue(blend.info().model().contains("speaker-centred"), blend.info().model());
            assertTrue(blend.info().description().contains("speaker-centred"), blend.info().description());
            AudioClip clip = TestClips.synthetic("03-01-05-01-02-01-01.wav");
            VoiceAnalysis a = blend.analyze(clip);
            VoiceAnalysis b = alone.analyze(clip);
            assertEquals(b.summary().affect(), a.summary().affect());
            assertEquals(b.segments().get(0).affect(), a.segments().get(0).affect());

            AudioClip joined = joined();
            VoiceAnalysis inStream = blend.analyze(joined);
            VoiceAnalysis centredOld = old.analyze(joined);
            VoiceAnalysis plainOnly = alone.analyze(joined);
            assertEquals(8, inStream.segments().size());
            assertEquals(plainOnly.segments().get(0).affect(), inStream.segments().get(0)
                    .affect());
            assertEquals(plainOnly.summary().affect(), inStream.summary().affect());
            int differ = 0;
            for (int i = 1; i < 8; i++) {
                EmotionScores got = inStream.segments().get(i).affect().orElseThrow().scores();
                assertArrayEquals(centredOld.segments().get(i).affect().orElseThrow().scores()
                        .toArray(), got.toArray(), 1e-6, "segment " + i);
                if (!close(got, plainOnly.segments().get(i).affect().orElseThrow().scores())) {
                    differ++;
                }
            }
            assertTrue(differ >= 3, differ + " segments read differently from the plain model");
        }
    }

    @Test
    void aBlendCardWithoutItsSecondModelIsRefusedNamingTheFile() throws IOException {
        Path model = write("orphan", blendCard(10, 0, "orphan.centred.onnx"));
        var builder = EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", model.toString());
        Exception e = assertThrows(Exception.class, builder::build);
        assertTrue(String.valueOf(e.getMessage()).contains("orphan.centred.onnx"),
                e.getMessage());

        // A second model whose card is not speaker-mean is refused when loaded.
        VoiceModelCard none = plainCardAs(VoiceModelCard.Normalisation.NONE);
        assertThrows(InvalidModelException.class, () -> BlendedClassifier.load(fixtureBytes,
                "p", 1, blendCard(10, 0, "c.onnx"), fixtureBytes, "c", none));
    }

    @Test
    void cardsRoundTripAndOldCardsReadWithoutASecondModel() {
        VoiceModelCard blend = blendCard(12.5, 30, "m.centred.onnx");
        assertEquals(blend, VoiceModelCard.fromProperties(properties(blend.toText())));
        assertTrue(blend.toText().contains("normalisation=speaker-blend\n"));
        assertTrue(blend.toText().contains("normalisation.model=m.centred.onnx\n"));
        assertTrue(blend.toText().contains("normalisation.switchSeconds=12.5\n"));
        assertTrue(blend.toText().contains("normalisation.blendSeconds=30.0\n"));

        assertEquals(Optional.empty(), fixtureCard.centredModel());
        assertFalse(fixtureCard.toText().contains("normalisation.model"));
        assertEquals(fixtureCard, VoiceModelCard.fromProperties(properties(fixtureCard.toText())));

        String old = fixtureCard.toText();
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class,
                () -> VoiceModelCard.fromProperties(properties(old
                        + "normalisation.model=m.onnx\n")));
        assertTrue(stray.getMessage().contains("speaker-blend"), stray.getMessage());
        String noModel = blend.toText().replace("normalisation.model=m.centred.onnx\n", "");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> VoiceModelCard.fromProperties(properties(noModel)));
        assertTrue(missing.getMessage().contains("normalisation.model"), missing.getMessage());
        String noSwitch = blend.toText().replace("normalisation.switchSeconds=12.5\n", "");
        IllegalArgumentException noSwitchError = assertThrows(IllegalArgumentException.class,
                () -> VoiceModelCard.fromProperties(properties(noSwitch)));
        assertTrue(noSwitchError.getMessage().contains("normalisation.switchSeconds"),
                noSwitchError.getMessage());
    }

    /** Seconds of speech a baseline holds after the first {@code n} clips of the stream. */
    private static double decayedSeconds(int n) {
        SpeakerBaseline b = SpeakerBaseline.withoutPopulation(1);
        for (int i = 0; i < n; i++) {
            b.add(new double[] {0}, stream.get(i).speechSeconds());
        }
        return b.seconds();
    }

    private static BlendedClassifier blended(double switchSeconds, double blendSeconds)
            throws InvalidModelException {
        return BlendedClassifier.load(fixtureBytes, "plain", 1,
                blendCard(switchSeconds, blendSeconds, "centred.onnx"), fixtureBytes, "centred",
                fixtureCard);
    }

    private static VoiceModelCard plainCard() {
        return plainCardAs(VoiceModelCard.Normalisation.NONE);
    }

    private static VoiceModelCard plainCardAs(VoiceModelCard.Normalisation normalisation) {
        VoiceModelCard c = fixtureCard;
        return new VoiceModelCard(c.name(), c.featureSet(), c.inputName(), c.outputName(),
                c.outputKind(), c.labels(), c.features(), c.impute(), normalisation, List.of(),
                c.priorSeconds(), c.training());
    }

    private static VoiceModelCard blendCard(double switchSeconds, double blendSeconds,
                                            String file) {
        VoiceModelCard c = fixtureCard;
        return new VoiceModelCard(c.name(), c.featureSet(), c.inputName(), c.outputName(),
                c.outputKind(), c.labels(), c.features(), c.impute(),
                VoiceModelCard.Normalisation.SPEAKER_BLEND, List.of(), c.priorSeconds(),
                Optional.of(new VoiceModelCard.CentredModel(file, switchSeconds, blendSeconds)),
                c.training());
    }

    private static Path write(String name, VoiceModelCard card) throws IOException {
        Path onnx = dir.resolve(name + ".onnx");
        Files.write(onnx, fixtureBytes);
        card.write(VoiceModelCard.cardPath(onnx));
        return onnx;
    }

    private static VoiceEmotionDetector detector(Path model) {
        return EmotionDetectors.voiceBuilder().provider("onnx").option("model", model.toString())
                .build();
    }

    /** Speaker actor01's eight clips joined with 0.6 s pauses. */
    private static AudioClip joined() throws IOException {
        List<float[]> parts = new ArrayList<>();
        int rate = 0;
        try (Stream<Path> files = Files.list(TestClips.syntheticDir())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-01.wav"))
                    .sorted().toList()) {
                AudioClip clip = AudioClip.readWav(f);
                rate = clip.sampleRate();
                float[] samples = new float[clip.length()];
                clip.copySamples(0, samples, 0, clip.length());
                parts.add(samples);
                parts.add(new float[(int) (0.6 * rate)]);
            }
        }
        return AudioClip.of(TestClips.concat(parts.toArray(float[][]::new)), rate);
    }

    private static boolean close(EmotionScores a, EmotionScores b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    private static java.util.Properties properties(String text) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
