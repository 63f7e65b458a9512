package io.github.affect4j.cli;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.spi.OptionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** Which detectors to use: the options of every command that analyses samples. */
class DetectorOptions {

    @Option(names = "--detector", paramLabel = "ID",
            description = "Use the provider with this id (e.g. heuristic) instead of the best "
                    + "available one.")
    String detector;

    @Option(names = "--voice-model", paramLabel = "FILE",
            description = "Read speech with this ONNX voice model (made by train-voice; its "
                    + ".card.properties next to it) on the onnx provider.")
    Path voiceModel;

    @Option(names = "--option", paramLabel = "[face.|voice.]NAME=VALUE",
            description = "Set a detector option (repeatable), e.g. mode=fast or "
                    + "voice.threads=2; `affect4j detectors` lists them. A name only face or only "
                    + "voice providers declare needs no prefix. A misspelt name or a bad value is "
                    + "an error, never ignored.")
    List<String> options = new ArrayList<>();

    @Option(names = "--crops", paramLabel = "auto|always|never",
            description = "Whether images are face crops (shorthand for --option face.crops=...): "
                    + "auto (default) reads an image whole when it is at most 112 px, when its "
                    + "detected face fills it, or when no face is found in an image of at most "
                    + "256 px; always reads every image whole, no "
                    + "detection; never uses detected faces only. The heuristic detector does "
                    + "not take it.")
    String crops;

    /**
     * The detectors these options ask for, created on first use.
     *
     * @throws InvalidOptionException if an {@code --option} is malformed, unknown to every
     *     provider, or declared by both kinds without a prefix
     */
    Detectors open() {
        Map<String, String> face = new LinkedHashMap<>();
        Map<String, String> voice = new LinkedHashMap<>();
        if (!options.isEmpty()) {
            List<ProviderStatus> faces = EmotionDetectors.faceBuilder().providers();
            List<ProviderStatus> voices = EmotionDetectors.voiceBuilder().providers();
            for (String option : options) {
                int equals = option.indexOf('=');
                if (equals <= 0) {
                    throw new InvalidOptionException(null, "--option needs NAME=VALUE, got '"
                            + option + "'");
                }
                String name = option.substring(0, equals).trim();
                String value = option.substring(equals + 1);
                if (name.startsWith("face.")) {
                    face.put(name.substring("face.".length()), value);
                } else if (name.startsWith("voice.")) {
                    voice.put(name.substring("voice.".length()), value);
                } else {
                    boolean isFace = declares(faces, name);
                    boolean isVoice = declares(voices, name);
                    if (isFace && isVoice) {
                        throw new InvalidOptionException(name, "option " + name + " exists for"
                                + " face and for voice detectors: write face." + name + "="
                                + value + " or voice." + name + "=" + value);
                    }
                    if (!isFace && !isVoice) {
                        throw new InvalidOptionException(name, "unknown option '" + name
                                + "': no detector provider takes it. Face options: "
                                + listing(faces) + ". Voice options: " + listing(voices));
                    }
                    (isFace ? face : voice).put(name, value);
                }
            }
        }
        if (crops != null) {
            String given = face.get("crops");
            if (given != null && !given.trim().equalsIgnoreCase(crops.trim())) {
                throw new InvalidOptionException("crops", "--crops " + crops + " contradicts"
                        + " --option crops=" + given);
            }
            face.put("crops", crops);
        }
        return new Detectors(detector, voiceModel, face, voice);
    }

    private static boolean declares(List<ProviderStatus> providers, String name) {
        return providers.stream().flatMap(p -> p.options().stream())
                .anyMatch(spec -> spec.name().equals(name));
    }

    /** {@code onnx: a, b; heuristic: c}, or {@code none}. */
    private static String listing(List<ProviderStatus> providers) {
        String text = providers.stream().filter(p -> !p.options().isEmpty())
                .map(p -> p.id() + ": " + p.options().stream().map(OptionSpec::name).sorted()
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? "none" : text;
    }

    /**
     * Whether the user named what to use, so that an unavailable detector is a usage error
     * rather than a failure of the files.
     *
     * @param audio whether the voice detector is the one in question
     */
    boolean forced(boolean audio) {
        return detector != null || audio && voiceModel != null || !options.isEmpty()
                || !audio && crops != null;
    }
}
