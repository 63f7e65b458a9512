package io.github.affect4j.spring.boot;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The detectors' settings, under {@code affect4j.face.*} and {@code affect4j.voice.*}; bound and
 * checked once at start-up, then frozen. The names match the system properties that discovery
 * reads ({@code affect4j.face.provider}, {@code affect4j.face.option.NAME}), so a value given
 * either way means the same thing.
 *
 * <pre>
 * affect4j:
 *   face:
 *     provider: onnx          # or heuristic; empty or auto: the best available
 *     option:
 *       mode: fast            # as ./affect4j analyze --option mode=fast
 *       min-confidence: 0.6   # names may be written kebab-case
 *   voice:
 *     required: true          # fail the start instead of running without voice analysis
 * </pre>
 *
 * @param face the face emotion detector
 * @param voice the voice emotion detector
 */
@ConfigurationProperties("affect4j")
public record EmotionDetectorProperties(@DefaultValue Detector face, @DefaultValue Detector voice) {

    /**
     * One kind of detector.
     *
     * @param enabled Whether to create the detector bean at all.
     * @param provider Provider id to use instead of the best available one, such as onnx or
     *     heuristic. Empty or "auto" to choose automatically.
     * @param option Provider options by name, as --option NAME=VALUE on the command line
     *     ("./affect4j detectors" lists them). Checked against the provider picked: a wrong name
     *     or value fails the start with the library's InvalidOptionException. Names match the
     *     declared ones ignoring case and dashes, so min-confidence (and an environment
     *     variable) reaches minConfidence.
     * @param required Whether the start fails when no provider can serve. By default the
     *     application starts without this detector, its calls throw
     *     DetectorUnavailableException and the health indicator reports DEGRADED.
     */
    public record Detector(@DefaultValue("true") boolean enabled, String provider,
                           Map<String, String> option, @DefaultValue("false") boolean required) {

        private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

        /**
         * Normalises the provider ({@code auto} and blank mean none) and the option names.
         *
         * @param enabled as the record component
         * @param provider as the record component
         * @param option as the record component
         * @param required as the record component
         * @throws IllegalArgumentException if the provider is not a provider id (lower-case
         *     letters, digits and dashes) or {@code auto}, or an option has a blank name
         */
        public Detector {
            provider = provider == null || provider.isBlank()
                    || provider.trim().equalsIgnoreCase("auto") ? null : provider.trim();
            if (provider != null && !PROVIDER_ID.matcher(provider).matches()) {
                throw new IllegalArgumentException("provider must be a provider id such as onnx"
                        + " or heuristic (lower-case letters, digits and dashes), or auto; got '"
                        + provider + "'");
            }
            Map<String, String> options = new TreeMap<>();
            if (option != null) {
                for (Map.Entry<String, String> entry : option.entrySet()) {
                    String name = entry.getKey();
                    if (name == null || name.isBlank()) {
                        throw new IllegalArgumentException("option names must not be blank; got"
                                + " option " + option);
                    }
                    options.put(name.trim(), entry.getValue() == null ? "" : entry.getValue());
                }
            }
            option = Map.copyOf(options);
        }

        /**
         * The settings used when none are given.
         *
         * @return enabled, automatic, no options, not required
         */
        public static Detector defaults() {
            return new Detector(true, null, Map.of(), false);
        }
    }
}
