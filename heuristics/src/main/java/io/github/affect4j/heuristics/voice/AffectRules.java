package io.github.affect4j.heuristics.voice;

import static io.github.affect4j.heuristics.voice.SpeechMeasurement.CENTROID;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.FLUX;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.LEVEL;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.LOUDNESS_RANGE;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.PITCH;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.RANGE;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.RATE;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.SLOPE;
import static io.github.affect4j.heuristics.voice.SpeechMeasurement.TILT;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.voice.features.SpeakerBaseline;

/**
 * The rules that turn prosodic cues into arousal, valence and an emotion distribution. They
 * encode the direction of well-replicated findings on vocal expression (Scherer 2003; Juslin and
 * Laukka 2003: activated speech is higher, faster, more variable and spectrally flatter) with
 * hand-set magnitudes; they are not fitted to labelled emotional speech, of which none was
 * available.
 *
 * <h2>Standardising a cue</h2>
 * Each cue {@code x} becomes a score {@code z}, clamped to [-3, 3], in two ways:
 * <ul>
 *   <li>against a population reference: {@code (x - ref) / scale}, less a dead zone for pitch
 *       (see the table), so the first seconds of any speaker can be read;</li>
 *   <li>against the speaker's own baseline ({@link SpeakerBaseline}, earlier speech of the same
 *       stream or clip): {@code (x - baseline) / relativeScale}.</li>
 * </ul>
 * The two are blended as {@code z = (1 - t) * zPopulation + t * zSpeaker}, where the trust
 * {@code t} grows from 0 with no history to {@code baselineWeight} (default 0.6) after 20 s of
 * speech. The absolute level never enters: the level cue has no population reference and
 * counts only relative to the same speaker's earlier level.
 *
 * <table>
 *   <caption>Arousal cues (population reference from neutral read speech: LibriVox recordings
 *   of pocketsphinx-testdata and espeak-ng at its default settings)</caption>
 *   <tr><th>cue</th><th>reference</th><th>scale</th><th>own-baseline scale</th><th>weight</th></tr>
 *   <tr><td>median pitch</td><td>140 Hz, no effect within +-5 semitones (105-187 Hz)</td>
 *       <td>5 st</td><td>3 st</td><td>0.25</td></tr>
 *   <tr><td>pitch range (10th-90th percentile)</td><td>5 st</td><td>3 st</td><td>3 st</td><td>0.10</td></tr>
 *   <tr><td>speaking rate (energy peaks per second)</td><td>3.6 /s</td><td>1 /s</td><td>0.8 /s</td><td>0.30</td></tr>
 *   <tr><td>loudness range (10th-90th percentile)</td><td>22 dB</td><td>6 dB</td><td>4 dB</td><td>0.05</td></tr>
 *   <tr><td>spectral centroid (80-3400 Hz)</td><td>1080 Hz</td><td>200 Hz</td><td>120 Hz</td><td>0.10</td></tr>
 *   <tr><td>spectral tilt (1-3.4 kHz vs 80-1000 Hz power, voiced frames)</td><td>-13 dB</td><td>4 dB</td><td>3 dB</td><td>0.15</td></tr>
 *   <tr><td>spectral flux</td><td>0.19</td><td>0.02</td><td>0.015</td><td>0.10</td></tr>
 *   <tr><td>level (mean power of speech frames)</td><td>none</td><td>-</td><td>6 dB</td><td>0.15</td></tr>
 * </table>
 *
 * <p><b>Arousal</b> {@code = r * tanh(sum of weight * z)}. <b>Valence</b> from prosody alone is
 * weak (happy and angry speech share most of their prosody), so it is read from three weak cues
 * and capped at +-0.3: {@code 0.3 * r * tanh(0.4 z(range) + 0.3 z(slope) - 0.3 z(tilt))}: a wide
 * pitch range and rising local pitch slopes lean pleasant, a tense, flat spectrum leans
 * unpleasant. The slope cue (mean least-squares pitch slope over voiced runs of at least
 * 100 ms) has reference -2 st/s, scale 6 st/s. The reliability {@code r = min(1, speech / 1 s)}
 * pulls short spans toward neutral.
 *
 * <p><b>Emotion scores</b> come from the circumplex ({@link EmotionScores#fromCircumplex}):
 * each category's weight is
 * {@code prior * exp(-((v - v_e) / 0.6)^2 / 2 - ((a - a_e) / 0.35)^2 / 2)} with its position
 * ({@code v_e}, {@code a_e}) from {@link Emotion}. The valence width is larger than the arousal
 * width because valence is the less certain axis; neutral has prior 2, the others 1, so weak
 * cues give a neutral-dominated distribution. At high arousal and unknown valence the mass
 * spreads over surprise, fear, anger and happiness, which is all prosody can honestly say.
 */
final class AffectRules {

    private record Cue(int index, double reference, double deadZone, double scale,
                       double relativeScale, double weight) {
    }

    private static final double NO_REFERENCE = Double.NaN;

    /** Semitones re 100 Hz of the pitch reference, 140 Hz. */
    private static final double PITCH_REFERENCE_ST = 12 * Math.log(1.4) / Math.log(2);

    private static final Cue[] AROUSAL = {
        new Cue(PITCH, PITCH_REFERENCE_ST, 5, 5, 3, 0.25),
        new Cue(RANGE, 5, 0, 3, 3, 0.10),
        new Cue(RATE, 3.6, 0, 1, 0.8, 0.30),
        new Cue(LOUDNESS_RANGE, 22, 0, 6, 4, 0.05),
        new Cue(CENTROID, 1080, 0, 200, 120, 0.10),
        new Cue(TILT, -13, 0, 4, 3, 0.15),
        new Cue(FLUX, 0.19, 0, 0.02, 0.015, 0.10),
        new Cue(LEVEL, NO_REFERENCE, 0, 1, 6, 0.15),
    };

    private static final Cue VALENCE_RANGE = new Cue(RANGE, 5, 0, 3, 3, 0.4);
    private static final Cue VALENCE_SLOPE = new Cue(SLOPE, -2, 0, 6, 6, 0.3);
    private static final Cue VALENCE_TILT = new Cue(TILT, -13, 0, 4, 3, -0.3);
    private static final double VALENCE_CAP = 0.3;

    private static final double RELIABLE_SECONDS = 1.0;
    /** Seconds of a speaker's speech after which the baseline earns its full weight. */
    static final double FULL_TRUST_SECONDS = 20;
    private static final double CLAMP = 3;

    private final double baselineWeight;

    AffectRules(double baselineWeight) {
        this.baselineWeight = baselineWeight;
    }

    /**
     * Reads the affect of a measured span.
     *
     * @param baseline the speaker's baseline before this span, or null to use population
     *     references only
     */
    VoiceAffect read(SpeechMeasurement measurement, SpeakerBaseline baseline) {
        double[] cues = measurement.cues();
        double reliability = Math.min(1, measurement.speechSeconds() / RELIABLE_SECONDS);
        double sum = 0;
        for (Cue cue : AROUSAL) {
            sum += cue.weight() * score(cue, cues, baseline);
        }
        double arousal = clamp(reliability * Math.tanh(sum), 1);
        double valenceSum = VALENCE_RANGE.weight() * score(VALENCE_RANGE, cues, baseline)
                + VALENCE_SLOPE.weight() * score(VALENCE_SLOPE, cues, baseline)
                + VALENCE_TILT.weight() * score(VALENCE_TILT, cues, baseline);
        double valence = clamp(VALENCE_CAP * reliability * Math.tanh(valenceSum), VALENCE_CAP);
        return new VoiceAffect(scores(valence, arousal), valence, arousal);
    }

    /** The circumplex mapping from (valence, arousal) to the eight categories. */
    static EmotionScores scores(double valence, double arousal) {
        return EmotionScores.fromCircumplex(valence, arousal);
    }

    private double score(Cue cue, double[] cues, SpeakerBaseline baseline) {
        double x = cues[cue.index()];
        if (Double.isNaN(x)) {
            return 0;
        }
        double population = 0;
        if (!Double.isNaN(cue.reference())) {
            double d = x - cue.reference();
            double beyond = Math.max(0, Math.abs(d) - cue.deadZone());
            population = Math.copySign(beyond, d) / cue.scale();
        }
        double trust = 0;
        double own = 0;
        if (baseline != null) {
            double mean = baseline.mean(cue.index());
            if (!Double.isNaN(mean)) {
                trust = baselineWeight
                        * Math.min(1, baseline.seconds(cue.index()) / FULL_TRUST_SECONDS);
                own = (x - mean) / cue.relativeScale();
            }
        }
        return clamp((1 - trust) * clamp(population, CLAMP) + trust * clamp(own, CLAMP), CLAMP);
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }
}
