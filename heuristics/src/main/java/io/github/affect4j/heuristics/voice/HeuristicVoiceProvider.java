package io.github.affect4j.heuristics.voice;

import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import io.github.affect4j.spi.OptionSpec;
import io.github.affect4j.spi.VoiceDetectorProvider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the rule-based voice emotion detector, id {@value #ID}: the fallback used when no
 * model-backed voice detector is available. It measures prosody with TarsosDSP (YIN pitch,
 * energy, zero crossings, FFT spectral centroid, tilt and flux, an energy-peak speaking rate),
 * finds speech with an adaptive-floor energy detector, and maps the measures to arousal, a weak
 * valence and the eight emotion categories by documented rules. It uses no trained model: treat
 * its arousal as a rough estimate and its valence and categories as weaker still.
 *
 * <p>Any sample rate from 8 to 192 kHz is accepted; analysis runs at 16 kHz, with spectral
 * measures limited to 80-3400 Hz so that results do not depend on the input rate. Nothing is
 * judged on absolute loudness: DC offset is removed, and level enters only relative to the
 * speaker's earlier speech in the same clip or stream.
 *
 * <h2>Options</h2>
 * All optional, given with {@code EmotionDetectors.voiceBuilder().option(name, value)} and
 * declared in {@link #options()} ({@code ./affect4j detectors} prints them):
 * <table>
 *   <caption>Options of the heuristic voice detector</caption>
 *   <tr><th>name</th><th>default</th><th>range</th><th>meaning</th></tr>
 *   <tr><td>{@code vadThresholdDb}</td><td>10</td><td>3-40</td><td>how far above the adaptive
 *       noise floor a frame's energy must rise to start speech; lower finds softer speech and
 *       more noise</td></tr>
 *   <tr><td>{@code pauseSeconds}</td><td>0.3</td><td>0.05-5</td><td>silence that ends a speech
 *       segment; also the delay before a stream reports a segment</td></tr>
 *   <tr><td>{@code minSegmentSeconds}</td><td>0.2</td><td>0.05-5</td><td>shorter segments are
 *       dropped as clicks or bumps</td></tr>
 *   <tr><td>{@code maxSegmentSeconds}</td><td>10</td><td>1-60</td><td>longer speech is cut into
 *       segments of this length; bounds a stream's memory</td></tr>
 *   <tr><td>{@code minSpeechSeconds}</td><td>0.5</td><td>0-10</td><td>less speech than this is
 *       flagged {@code TOO_SHORT}</td></tr>
 *   <tr><td>{@code baselineWeight}</td><td>0.6</td><td>0-1</td><td>how far a segment is judged
 *       against the speaker's own baseline (earlier speech in the clip or stream) rather than
 *       population references, once 20 s of speech were heard; 0 turns the baseline off</td></tr>
 *   <tr><td>{@code pitchMinHz}</td><td>60</td><td>55-250</td><td>lowest pitch searched</td></tr>
 *   <tr><td>{@code pitchMaxHz}</td><td>600</td><td>250-1000</td><td>highest pitch searched</td></tr>
 * </table>
 * An undeclared name, a value that does not parse or is out of range, or a pair out of order
 * ({@code pitchMinHz} not below {@code pitchMaxHz}, {@code minSegmentSeconds} not below
 * {@code maxSegmentSeconds}) fails the build with {@link io.github.affect4j.InvalidOptionException}.
 *
 * <p>Discovery instantiates this class through {@link java.util.ServiceLoader}; applications use
 * {@link io.github.affect4j.EmotionDetectors} instead.
 */
public final class HeuristicVoiceProvider implements VoiceDetectorProvider {

    /** The provider id. */
    public static final String ID = "heuristic";

    private static final Logger LOG = LoggerFactory.getLogger(HeuristicVoiceProvider.class);

    private static final String[] REQUIRED_CLASSES = {
        "be.tarsos.dsp.pitch.Yin",
        "be.tarsos.dsp.util.fft.FFT",
        "be.tarsos.dsp.resample.Resampler",
    };

    /** For {@link java.util.ServiceLoader}; cheap, loads nothing. */
    public HeuristicVoiceProvider() {
    }

    /** The options in the table above. */
    @Override
    public List<OptionSpec> options() {
        return VoiceSettings.OPTIONS;
    }

    /** Checks that pitchMinHz and minSegmentSeconds lie below their maxima. */
    @Override
    public void validate(DetectorConfig config) {
        VoiceSettings.from(config);
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /** @return {@link DetectorProvider#HEURISTIC_PRIORITY} */
    @Override
    public int priority() {
        return HEURISTIC_PRIORITY;
    }

    /**
     * Checks that TarsosDSP is present (without initialising its classes).
     *
     * @param config the options the detector would be created with
     */
    @Override
    public Availability availability(DetectorConfig config) {
        ClassLoader loader = HeuristicVoiceProvider.class.getClassLoader();
        for (String name : REQUIRED_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Availability.unavailable("TarsosDSP (com.github.axet:TarsosDSP) is missing: "
                        + "class " + name + " cannot be loaded (" + e + ")");
            }
        }
        return Availability.ready();
    }

    /**
     * Creates a detector. Cheap: DSP objects are made per call.
     *
     * @param config the options, documented on this class
     * @return a new thread-safe detector
     * @throws IllegalArgumentException if two options contradict each other
     */
    @Override
    public VoiceEmotionDetector create(DetectorConfig config) {
        VoiceSettings settings = VoiceSettings.from(config);
        LOG.debug("heuristic voice detector created with {}", settings);
        return new ProsodicVoiceDetector(settings);
    }
}
