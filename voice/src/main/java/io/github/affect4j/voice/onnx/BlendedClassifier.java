package io.github.affect4j.voice.onnx;

import io.github.affect4j.EmotionScores;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A speaker-normalised model of two classifiers ({@code normalisation = speaker-blend}, see
 * {@link VoiceModelCard}): a plain one reading every vector as it comes, and a speaker-centred
 * one reading the vector centred on the speaker's earlier speech. Until the speaker baseline
 * rests on {@link VoiceModelCard.CentredModel#switchSeconds} of speech a segment gets the plain
 * classifier's scores exactly, so the first segment of a clip and the whole-clip summary read as
 * without normalisation; past that the centred classifier's probabilities are mixed in with the
 * weight {@link VoiceModelCard.CentredModel#weight}.
 *
 * <p>Why two classifiers rather than one trained on centred and uncentred copies: one model's
 * weights are a compromise between both inputs, so nothing kept it from reading single clips
 * worse than a model trained without normalisation (measured: worse for liblinear and with noise
 * copies). Here the plain classifier is the model trained without normalisation, and a single
 * clip can only read the same.
 *
 * <p>Shared by all threads like a {@link FeatureClassifier}; closing is guarded by the detector.
 */
final class BlendedClassifier implements AffectModel {

    private final FeatureClassifier plain;
    private final FeatureClassifier centred;
    private final VoiceModelCard.CentredModel stage;

    private BlendedClassifier(FeatureClassifier plain, FeatureClassifier centred,
                              VoiceModelCard.CentredModel stage) {
        this.plain = plain;
        this.centred = centred;
        this.stage = stage;
    }

    /**
     * Creates both sessions and checks them against their cards.
     *
     * @param bytes the plain model
     * @param name its file name, for messages
     * @param threads intra-op threads of each session
     * @param card its card ({@code speaker-blend})
     * @param centredBytes the speaker-centred model
     * @param centredName its file name
     * @param centredCard its card ({@code speaker-mean})
     * @throws InvalidModelException naming the file when a model does not match its card
     */
    static BlendedClassifier load(byte[] bytes, String name, int threads, VoiceModelCard card,
                                  byte[] centredBytes, String centredName,
                                  VoiceModelCard centredCard) throws InvalidModelException {
        VoiceModelCard.CentredModel stage = card.centredModel().orElseThrow(() ->
                new InvalidModelException(name + ": the card names no speaker-centred model"));
        if (centredCard.normalisation() != VoiceModelCard.Normalisation.SPEAKER_MEAN) {
            throw new InvalidModelException(centredName + ": a speaker-centred model needs "
                    + "normalisation = speaker-mean, its card has "
                    + centredCard.normalisation().name().toLowerCase(Locale.ROOT));
        }
        FeatureClassifier plain = FeatureClassifier.load(bytes, name, threads, card);
        try {
            return new BlendedClassifier(plain,
                    FeatureClassifier.load(centredBytes, centredName, threads, centredCard), stage);
        } catch (InvalidModelException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** The centred classifier's baseline: its population mean and prior, in its input order. */
    @Override
    public SpeakerBaseline newBaseline() {
        return centred.newBaseline();
    }

    /**
     * Each segment's weight is set by the seconds of speech the baseline held before it; the
     * plain classifier reads every segment and the summary in one batch, the centred one only
     * the segments that give it a weight.
     */
    @Override
    public List<VoiceAffect> read(List<SpeechFeatures> segments, SpeakerBaseline baseline,
                                  SpeechFeatures summary) {
        List<float[]> plainInputs = new ArrayList<>(segments.size() + 1);
        List<float[]> centredInputs = new ArrayList<>();
        double[] weights = new double[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            SpeechFeatures s = segments.get(i);
            double[] values = s.values();
            plainInputs.add(plain.input(values, null));
            if (baseline != null) {
                weights[i] = stage.weight(baseline.seconds());
                if (weights[i] > 0) {
                    centredInputs.add(centred.input(values, baseline.mean()));
                }
                baseline.add(centred.select(values), s.speechSeconds());
            }
        }
        if (summary != null) {
            plainInputs.add(plain.input(summary.values(), null));
        }
        List<EmotionScores> plainScores = plain.scores(plainInputs);
        List<EmotionScores> centredScores = centred.scores(centredInputs);
        List<VoiceAffect> out = new ArrayList<>(plainScores.size());
        int next = 0;
        for (int i = 0; i < segments.size(); i++) {
            double w = weights[i];
            EmotionScores p = plainScores.get(i);
            EmotionScores scores = w == 0 ? p : w == 1 ? centredScores.get(next)
                    : EmotionScores.mixture(List.of(p, centredScores.get(next)),
                            new double[] {1 - w, w});
            if (w > 0) {
                next++;
            }
            out.add(FeatureClassifier.affect(scores));
        }
        if (summary != null) {
            out.add(FeatureClassifier.affect(plainScores.get(plainScores.size() - 1)));
        }
        return out;
    }

    @Override
    public boolean readsSamples() {
        return false;
    }

    @Override
    public String method() {
        return plain.method() + ", blended with a speaker-centred classifier after "
                + String.format(Locale.ROOT, "%.0f", stage.switchSeconds())
                + " s of the speaker's speech";
    }

    @Override
    public String describe() {
        return plain.describe() + " + speaker-centred " + centred.describe();
    }

    @Override
    public void close() {
        try {
            plain.close();
        } finally {
            centred.close();
        }
    }
}
