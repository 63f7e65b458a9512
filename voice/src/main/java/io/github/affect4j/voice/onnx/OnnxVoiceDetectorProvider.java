package io.github.affect4j.voice.onnx;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.ModelCardReader;
import io.github.affect4j.onnx.Natives;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.OptionSpec;
import io.github.affect4j.spi.VoiceDetectorProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the model-backed voice emotion detector, id {@value #ID}, ranked above the rule-based
 * one. It runs either kind of model on ONNX Runtime, as its card says ({@code kind}):
 * <ul>
 *   <li>{@code features}: a classifier over level-independent acoustic features, trained with
 *       {@code VoiceTrainer} of {@code affect4j-voice-training} (or {@code ./affect4j
 *       train-voice}); see {@link VoiceModelCard};</li>
 *   <li>{@code waveform}: a model reading raw 16 kHz speech, such as an export of a
 *       wav2vec2-family speech-emotion model, categorical or dimensional; see
 *       {@link WaveformModelCard}.</li>
 * </ul>
 * Either is run on each speech segment and on all speech of a clip. No model ships with
 * {@code affect4j-voice} itself: there is no openly licensed emotional speech to train one on.
 *
 * <h2>Which model</h2>
 * The option {@code model} (or the system property
 * {@value io.github.affect4j.EmotionDetectors#VOICE_MODEL_PROPERTY}), else a default
 * model on the class path: the resource {@value #DEFAULT_MODEL_RESOURCE} with its card
 * {@value #DEFAULT_CARD_RESOURCE}, as the separate artifact {@code affect4j-voice-model-ravdess}
 * provides (trained on RAVDESS: CC BY-NC-SA 4.0, non-commercial). A configured model always
 * wins. With none of these this provider reports itself unavailable and discovery falls back to
 * the heuristic detector, saying why.
 *
 * <h2>Options</h2>
 * Given with {@code EmotionDetectors.voiceBuilder().option(name, value)} (or the system
 * properties read by discovery, see {@link io.github.affect4j.EmotionDetectors}) and declared in
 * {@link #options()}:
 * <table>
 *   <caption>Options of the onnx voice detector</caption>
 *   <tr><th>name</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code model}</td><td>none (system property
 *       {@value io.github.affect4j.EmotionDetectors#VOICE_MODEL_PROPERTY})</td><td>path of the
 *       {@code .onnx} model; its card is read from {@link VoiceModelCard#cardPath}</td></tr>
 *   <tr><td>{@code card}</td><td>next to the model</td><td>path of the model card</td></tr>
 *   <tr><td>{@code threads}</td><td>1</td><td>ONNX Runtime intra-op threads per call, 1 to 64
 *       (feature classifiers are tiny: more threads rarely help; a large waveform model may
 *       gain)</td></tr>
 *   <tr><td>{@code vad}</td><td>{@code energy}, or {@code silero} when a VAD model is
 *       given</td><td>how speech segments are found: {@code energy} (adaptive energy floor) or
 *       {@code silero} (Silero VAD, see {@link SileroVad})</td></tr>
 *   <tr><td>{@code vadModel}</td><td>none (system property
 *       {@value io.github.affect4j.EmotionDetectors#VOICE_VAD_MODEL_PROPERTY})</td>
 *       <td>path of a Silero VAD v5/v6 {@code .onnx} file; not bundled (its licence is not
 *       stated where it could be taken from)</td></tr>
 * </table>
 * An undeclared option, a value out of range, or {@code vad=silero} without {@code vadModel}
 * fails the build with {@link io.github.affect4j.InvalidOptionException}; a model or card that
 * is missing or invalid makes the provider unavailable, with the file and the reason.
 *
 * <p>Discovery instantiates this class through {@link java.util.ServiceLoader}; applications use
 * {@link io.github.affect4j.EmotionDetectors} instead.
 */
public final class OnnxVoiceDetectorProvider implements VoiceDetectorProvider {

    /** The provider id. */
    public static final String ID = "onnx";

    /** Option: path of the {@code .onnx} model. */
    public static final String MODEL = "model";

    /** Option: path of the model card. */
    public static final String CARD = "card";

    /** Option: intra-op threads. */
    public static final String THREADS = "threads";

    /** Option: the speech detector, {@code energy} or {@code silero}. */
    public static final String VAD = "vad";

    /** Option: path of the Silero VAD model. */
    public static final String VAD_MODEL = "vadModel";

    /** The options in the table above. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.path(MODEL, "the .onnx voice model (train-voice makes one), its"
                    + " .card.properties next to it; also -D" + EmotionDetectors.VOICE_MODEL_PROPERTY),
            OptionSpec.path(CARD, "the model card, when not next to the model"),
            OptionSpec.integer(THREADS, 1, 64, 1, "ONNX Runtime intra-op threads per call"),
            OptionSpec.choice(VAD, List.of("energy", "silero"), null, "how speech is found;"
                    + " default silero when vadModel is given, energy otherwise"),
            OptionSpec.path(VAD_MODEL, "a Silero VAD v5/v6 .onnx file (not bundled); also -D"
                    + EmotionDetectors.VOICE_VAD_MODEL_PROPERTY));

    /**
     * Class-path resource of the default model, used when no model is configured. Outside any
     * Java package, so that a named module can provide it without opening a package.
     */
    public static final String DEFAULT_MODEL_RESOURCE = "META-INF/affect4j/voice/default-model.onnx";

    /** Class-path resource of the default model's card. */
    public static final String DEFAULT_CARD_RESOURCE =
            "META-INF/affect4j/voice/default-model.card.properties";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxVoiceDetectorProvider.class);

    /** For {@link java.util.ServiceLoader}; cheap, loads nothing. */
    public OnnxVoiceDetectorProvider() {
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /** The options in the table above. */
    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    /** Checks that {@code vad=silero} comes with {@code vadModel}. */
    @Override
    public void validate(DetectorConfig config) {
        vadModel(config);
    }

    /** @return {@link #MODEL_PRIORITY} */
    @Override
    public int priority() {
        return MODEL_PRIORITY;
    }

    /**
     * Checks that ONNX Runtime's classes are present (without loading natives), that a model is
     * configured, and that the model and its card exist and the card is valid.
     */
    @Override
    public Availability availability(DetectorConfig config) {
        Availability runtime = Natives.classesPresent();
        if (!runtime.available()) {
            return runtime;
        }
        try {
            Optional<Path> model = modelPath(config);
            if (model.isEmpty()) {
                if (defaultModel().isEmpty()) {
                    return Availability.unavailable("no voice model configured (set the option '"
                            + MODEL + "' or the system property "
                            + EmotionDetectors.VOICE_MODEL_PROPERTY + " to a .onnx model made by "
                            + "train-voice, with its .card.properties next to it, or put "
                            + "affect4j-voice-model-ravdess on the class path)");
                }
                if (readDefaultCard() instanceof VoiceModelCard card) {
                    readCentred(card, Optional.empty());
                }
            } else {
                if (!Files.isRegularFile(model.get())) {
                    return Availability.unavailable("voice model file " + model.get() + " not found");
                }
                Path card = cardPath(config, model.get());
                if (!Files.isRegularFile(card)) {
                    return Availability.unavailable("model card " + card + " not found (train-voice "
                            + "writes it next to the model)");
                }
                if (readCard(card) instanceof VoiceModelCard features) {
                    readCentred(features, model);
                }
            }
            Optional<Path> vad = vadModel(config);
            if (vad.isPresent() && !Files.isRegularFile(vad.get())) {
                return Availability.unavailable("Silero VAD model " + vad.get() + " not found");
            }
        } catch (IllegalArgumentException | IOException e) {
            return Availability.unavailable(e.getMessage());
        }
        return Availability.ready();
    }

    /**
     * Loads the model and its card.
     *
     * @throws InvalidModelException naming the file when the model or card cannot be used
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if an option is invalid
     * @throws IllegalStateException if ONNX Runtime's natives cannot be loaded
     */
    @Override
    public VoiceEmotionDetector create(DetectorConfig config) throws IOException {
        Optional<Path> configured = modelPath(config);
        Object card;
        byte[] bytes;
        String name;
        if (configured.isEmpty()) {
            java.net.URL resource = defaultModel().orElseThrow(() -> new IllegalArgumentException(
                    "no voice model configured: set the option '" + MODEL + "' or the system "
                            + "property " + EmotionDetectors.VOICE_MODEL_PROPERTY));
            card = readDefaultCard();
            try (java.io.InputStream in = resource.openStream()) {
                bytes = in.readAllBytes();
            }
            name = "classpath:" + DEFAULT_MODEL_RESOURCE;
            LOG.info("onnx voice detector: default model from the class path ({})", resource);
        } else {
            Path model = configured.get();
            card = readCard(cardPath(config, model));
            bytes = Files.readAllBytes(model);
            name = model.getFileName().toString();
        }
        int threads = config.getInt(THREADS);
        Optional<Path> vadModel = vadModel(config);
        AffectModel affect;
        if (card instanceof WaveformModelCard waveform) {
            affect = WaveformClassifier.load(bytes, name, threads, waveform);
        } else {
            VoiceModelCard features = (VoiceModelCard) card;
            Optional<Centred> centred = readCentred(features, configured);
            affect = centred.isEmpty()
                    ? FeatureClassifier.load(bytes, name, threads, features)
                    : BlendedClassifier.load(bytes, name, threads, features, centred.get().bytes(),
                            centred.get().name(), centred.get().card());
        }
        SileroVad vad = null;
        if (vadModel.isPresent()) {
            try {
                vad = SileroVad.load(Files.readAllBytes(vadModel.get()),
                        vadModel.get().getFileName().toString(), 1);
            } catch (IOException | RuntimeException e) {
                affect.close();
                throw e;
            }
        }
        LOG.debug("onnx voice detector: {}", affect.describe());
        LOG.info("onnx voice detector: speech found by {}", vad != null ? vad.describe()
                : "frame energy" + (vadModel.isEmpty() && config.get(VAD).isEmpty()
                        ? " (Silero VAD is not bundled: give vadModel to use it)" : ""));
        return new OnnxVoiceEmotionDetector(affect, vad);
    }

    /** Reads a card of either kind: a {@link VoiceModelCard} or a {@link WaveformModelCard}. */
    private static Object readCard(Path file) throws IOException {
        return ModelCardReader.read(file).parse(OnnxVoiceDetectorProvider::parseCard);
    }

    private static Object parseCard(ModelCardReader card) {
        return WaveformModelCard.KIND.equals(card.string("kind", ""))
                ? WaveformModelCard.from(card) : VoiceModelCard.from(card);
    }

    /** The speaker-centred second model of a {@code speaker-blend} card: bytes, name, card. */
    private record Centred(byte[] bytes, String name, VoiceModelCard card) {
    }

    /**
     * The second model named by a {@code speaker-blend} card, beside the first (a file beside
     * the configured model, else a resource beside the default one), with its card beside it.
     *
     * @param card the first model's card
     * @param model the configured first model, or empty for the default one
     * @return the second model, or empty when the card names none
     * @throws InvalidModelException naming the file when it or its card is missing or unfit
     * @throws IOException if a file cannot be read
     */
    private static Optional<Centred> readCentred(VoiceModelCard card, Optional<Path> model)
            throws IOException {
        if (card.centredModel().isEmpty()) {
            return Optional.empty();
        }
        String file = card.centredModel().get().file();
        String cardFile = VoiceModelCard.cardPath(Path.of(file)).getFileName().toString();
        byte[] bytes;
        Object centredCard;
        String name;
        if (model.isPresent()) {
            Path onnx = model.get().resolveSibling(file);
            Path cardPath = onnx.resolveSibling(cardFile);
            if (!Files.isRegularFile(onnx) || !Files.isRegularFile(cardPath)) {
                throw new InvalidModelException(card.name() + ": normalisation.model names "
                        + onnx + ", which needs its card " + cardPath + " beside it: "
                        + (Files.isRegularFile(onnx) ? "the card" : "the model") + " is missing");
            }
            centredCard = readCard(cardPath);
            bytes = Files.readAllBytes(onnx);
            name = onnx.getFileName().toString();
        } else {
            String folder = DEFAULT_MODEL_RESOURCE.substring(0,
                    DEFAULT_MODEL_RESOURCE.lastIndexOf('/') + 1);
            ClassLoader loader = OnnxVoiceDetectorProvider.class.getClassLoader();
            try (java.io.InputStream onnx = loader.getResourceAsStream(folder + file);
                 java.io.InputStream in = loader.getResourceAsStream(folder + cardFile)) {
                if (onnx == null || in == null) {
                    throw new InvalidModelException("classpath:" + DEFAULT_CARD_RESOURCE
                            + ": normalisation.model names " + folder + file + ", which needs "
                            + "its card " + folder + cardFile + " beside it: "
                            + (onnx != null ? "the card" : "the model") + " is missing");
                }
                centredCard = ModelCardReader.read(in, "classpath:" + folder + cardFile)
                        .parse(OnnxVoiceDetectorProvider::parseCard);
                bytes = onnx.readAllBytes();
            }
            name = "classpath:" + folder + file;
        }
        if (!(centredCard instanceof VoiceModelCard centred)
                || centred.normalisation() != VoiceModelCard.Normalisation.SPEAKER_MEAN) {
            throw new InvalidModelException(name + ": the speaker-centred model of "
                    + card.name() + " needs a feature card with normalisation = speaker-mean");
        }
        if (!new java.util.HashSet<>(centred.emotions()).equals(
                new java.util.HashSet<>(card.emotions()))) {
            throw new InvalidModelException(name + ": labels " + centred.labels() + " differ "
                    + "from those of " + card.name() + ": " + card.labels());
        }
        return Optional.of(new Centred(bytes, name, centred));
    }

    /** The default model on the class path, if an artifact provides one. */
    private static Optional<java.net.URL> defaultModel() {
        ClassLoader loader = OnnxVoiceDetectorProvider.class.getClassLoader();
        return Optional.ofNullable(loader.getResource(DEFAULT_MODEL_RESOURCE));
    }

    /**
     * Reads the default model's card from the class path.
     *
     * @throws InvalidModelException naming the resource when the card is missing or invalid
     */
    private static Object readDefaultCard() throws IOException {
        ClassLoader loader = OnnxVoiceDetectorProvider.class.getClassLoader();
        try (java.io.InputStream in = loader.getResourceAsStream(DEFAULT_CARD_RESOURCE)) {
            if (in == null) {
                throw new InvalidModelException("the class path has " + DEFAULT_MODEL_RESOURCE
                        + " but not its card " + DEFAULT_CARD_RESOURCE);
            }
            return ModelCardReader.read(in, "classpath:" + DEFAULT_CARD_RESOURCE)
                    .parse(OnnxVoiceDetectorProvider::parseCard);
        }
    }

    /**
     * The Silero model to use, or empty for the energy detector.
     *
     * @throws io.github.affect4j.InvalidOptionException if {@code vad=silero} comes without
     *     {@code vadModel}
     */
    private static Optional<Path> vadModel(DetectorConfig config) {
        Optional<Path> path = config.getPath(VAD_MODEL);
        String vad = config.getChoice(VAD, path.isPresent() ? "silero" : "energy");
        if (vad.equals("energy")) {
            return Optional.empty();
        }
        if (path.isEmpty()) {
            throw new InvalidOptionException(VAD, "option " + VAD + "=silero needs the Silero VAD"
                    + " model: set the option '" + VAD_MODEL + "' or the system property "
                    + EmotionDetectors.VOICE_VAD_MODEL_PROPERTY + " to its .onnx file (it is not"
                    + " bundled)");
        }
        return path;
    }

    private static Optional<Path> modelPath(DetectorConfig config) {
        return config.getPath(MODEL);
    }

    private static Path cardPath(DetectorConfig config, Path model) {
        return config.getPath(CARD).orElse(VoiceModelCard.cardPath(model));
    }
}
