package io.github.affect4j.server.reports;

import io.github.affect4j.Emotion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running sums over face and audio observations, from which the aggregates are read. Means over
 * faces weight every detected face equally; means over voice weight every clip with speech
 * equally.
 */
final class Tally {

    private static final Emotion[] EMOTIONS = Emotion.values();

    int frames;
    int faces;
    int maxFacesInFrame;
    int assessableFaces;
    final double[] faceScores = new double[EMOTIONS.length];
    double faceArousal;
    double faceValence;

    int clips;
    int speechClips;
    double audioSeconds;
    double speechSeconds;
    final double[] voiceScores = new double[EMOTIONS.length];
    double voiceArousal;
    double voiceValence;

    void frame(int faceCount) {
        frames++;
        maxFacesInFrame = Math.max(maxFacesInFrame, faceCount);
    }

    void face(Observations.FaceRow face) {
        faces++;
        if (face.assessable()) {
            assessableFaces++;
        }
        for (int i = 0; i < faceScores.length; i++) {
            faceScores[i] += face.scores()[i];
        }
        faceArousal += face.arousal();
        faceValence += face.valence();
    }

    void clip(Observations.AudioRow clip) {
        clips++;
        audioSeconds += clip.durationSeconds();
        speechSeconds += clip.durationSeconds() * clip.speechRatio();
        if (clip.scores() != null) {
            speechClips++;
            for (int i = 0; i < voiceScores.length; i++) {
                voiceScores[i] += clip.scores()[i];
            }
            voiceArousal += clip.arousal();
            voiceValence += clip.valence();
        }
    }

    void add(Tally other) {
        frames += other.frames;
        faces += other.faces;
        maxFacesInFrame = Math.max(maxFacesInFrame, other.maxFacesInFrame);
        assessableFaces += other.assessableFaces;
        faceArousal += other.faceArousal;
        faceValence += other.faceValence;
        clips += other.clips;
        speechClips += other.speechClips;
        audioSeconds += other.audioSeconds;
        speechSeconds += other.speechSeconds;
        voiceArousal += other.voiceArousal;
        voiceValence += other.voiceValence;
        for (int i = 0; i < EMOTIONS.length; i++) {
            faceScores[i] += other.faceScores[i];
            voiceScores[i] += other.voiceScores[i];
        }
    }

    /** Mean face affect, or null without faces. */
    Affect faceAffect() {
        return faces == 0 ? null : Affect.of(faceScores, faces, faceValence, faceArousal);
    }

    /** Mean voice affect, or null without speech. */
    Affect voiceAffect() {
        return speechClips == 0 ? null
                : Affect.of(voiceScores, speechClips, voiceValence, voiceArousal);
    }

    /**
     * A mean emotion distribution with its derived position on the circumplex.
     *
     * @param contributors how many faces or clips were averaged
     * @param emotions mean probability by label
     * @param dominant the label with the highest mean probability
     * @param valence mean valence
     * @param arousal mean arousal
     */
    record Affect(int contributors, Map<String, Double> emotions, String dominant, double valence,
                  double arousal) {

        static Affect of(double[] sums, int n, double valence, double arousal) {
            Map<String, Double> emotions = new LinkedHashMap<>();
            int best = 0;
            for (int i = 0; i < EMOTIONS.length; i++) {
                emotions.put(EMOTIONS[i].label(), round(sums[i] / n));
                if (sums[i] > sums[best]) {
                    best = i;
                }
            }
            return new Affect(n, emotions, EMOTIONS[best].label(), round(valence / n),
                    round(arousal / n));
        }
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
