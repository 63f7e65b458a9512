package io.github.affect4j.voice.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Speaker centring as the detector does it at run time, for training and for testing.
 *
 * <p>At run time a speaker-normalised model reads each speech segment centred on the speaker
 * baseline built from the speech heard <em>before</em> it in the clip or stream, shrunk toward the
 * population mean with a prior worth {@code priorSeconds} of speech: {@code x - c + population}
 * with {@code c = (sum of seconds * x over earlier speech + prior * population) / (seconds +
 * prior)}. A single short clip is therefore read almost as it comes (its first segment exactly
 * so), and only a longer stream of one speaker gets centred on that speaker.
 *
 * <p>Training on vectors centred on the whole of each speaker's recordings (as a speaker-mean
 * model used to) teaches the model inputs it never sees on a single clip: measured on RAVDESS it
 * then lost 4 to 7 points of UAR on single clips. Here every training recording is instead
 * presented as the run time would present it after {@code k} earlier recordings of its speaker,
 * for several {@code k} ({@link #EARLIER}: 1, 2, 8 and 32 recordings drawn at random from the
 * speaker's others, fixed seed). That trains the speaker-centred classifier of a
 * {@code speaker-blend} model, which the detector only consults once some of the speaker was
 * heard; the first clip is read by the plain classifier, trained on the vectors as they come.
 *
 * <p>Stateless; the random draws depend only on the seed and the recordings' files.
 */
final class RuntimeCentring {

    /** Earlier recordings of the speaker behind each training copy. */
    static final int[] EARLIER = {1, 2, 8, 32};

    private RuntimeCentring() {
    }

    /**
     * The training copies: for each recording and each {@link #EARLIER} count that the speaker's
     * other recordings allow, the recording centred on that many of them. Recordings without a
     * speaker, or without another recording of their speaker, are kept as they come.
     */
    static List<LabelledFeatures> trainingCopies(List<LabelledFeatures> samples,
                                                 double[] population, double priorSeconds,
                                                 long seed) {
        Map<String, List<LabelledFeatures>> bySpeaker = new LinkedHashMap<>();
        List<LabelledFeatures> out = new ArrayList<>();
        for (LabelledFeatures s : samples) {
            if (s.speaker().isPresent()) {
                bySpeaker.computeIfAbsent(s.speaker().get(), x -> new ArrayList<>()).add(s);
            } else {
                out.add(s);
            }
        }
        for (List<LabelledFeatures> clips : bySpeaker.values()) {
            if (clips.size() < 2) {
                out.addAll(clips);
                continue;
            }
            for (int i = 0; i < clips.size(); i++) {
                LabelledFeatures clip = clips.get(i);
                List<LabelledFeatures> others = new ArrayList<>(clips);
                others.remove(i);
                Random random = new Random(seed * 31 + clip.recording().file().toString()
                        .hashCode());
                for (int k : EARLIER) {
                    if (k > others.size()) {
                        break;
                    }
                    java.util.Collections.shuffle(others, random);
                    double[] centre = baseline(others.subList(0, k), population, priorSeconds);
                    out.add(new LabelledFeatures(clip.recording(),
                            centred(clip.values(), centre, population), clip.speechSeconds()));
                }
            }
        }
        return out;
    }

    /**
     * The run-time baseline after the given recordings: per feature, the seconds-weighted mean
     * of the non-NaN values shrunk toward the population mean with {@code priorSeconds}.
     */
    static double[] baseline(List<LabelledFeatures> earlier, double[] population,
                             double priorSeconds) {
        double[] c = new double[population.length];
        for (int j = 0; j < c.length; j++) {
            double sum = 0;
            double weight = 0;
            for (LabelledFeatures e : earlier) {
                double v = e.values()[j];
                if (!Double.isNaN(v) && e.speechSeconds() > 0) {
                    sum += e.speechSeconds() * v;
                    weight += e.speechSeconds();
                }
            }
            double p = Double.isNaN(population[j]) ? 0 : population[j];
            double w = weight + priorSeconds;
            c[j] = w > 0 ? (sum + priorSeconds * p) / w : p;
        }
        return c;
    }

    /** {@code x - centre + population}, NaN kept. */
    static double[] centred(double[] x, double[] centre, double[] population) {
        double[] v = x.clone();
        for (int j = 0; j < v.length; j++) {
            if (!Double.isNaN(v[j]) && !Double.isNaN(population[j])) {
                v[j] = v[j] - centre[j] + population[j];
            }
        }
        return v;
    }
}
