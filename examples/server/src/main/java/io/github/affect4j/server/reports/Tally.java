package io.github.affect4j.server.reports;

import io.github.affect4j.Emotion;
import io.github.affect4j.server.analysis.EmotionColumns;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sums over face and audio observations, as the database aggregated them, from which the means
 * are read; tallies add up (a classroom is the sum of its sessions). Means over faces weight
 * every detected face equally; means over voice weight every clip with speech equally.
 */
final class Tally {

    int frames;
    int faces;
    int maxFacesInFrame;
    int assessableFaces;
    final Map<Emotion, Double> faceScores = zeros();
    double faceArousal;
    double faceValence;
    final Set<String> faceDetectors = new TreeSet<>();

    int clips;
    int speechClips;
    double audioSeconds;
    double speechSeconds;
    final Map<Emotion, Double> voiceScores = zeros();
    double voiceArousal;
    double voiceValence;
    final Set<String> voiceDetectors = new TreeSet<>();

    /** Frames analysed by one detector, with the most faces seen in one of them. */
    void addFrames(int count, int maxFaces, String detector) {
        frames += count;
        maxFacesInFrame = Math.max(maxFacesInFrame, maxFaces);
        faceDetectors.add(detector);
    }

    /** Faces with their summed scores, arousal and valence. */
    void addFaces(int count, int assessable, Map<Emotion, Double> scoreSums, double arousalSum,
               double valenceSum) {
        faces += count;
        assessableFaces += assessable;
        scoreSums.forEach((emotion, sum) -> faceScores.merge(emotion, sum, Double::sum));
        faceArousal += arousalSum;
        faceValence += valenceSum;
    }

    /** Clips analysed by one detector; the score sums cover the clips with speech. */
    void addClips(int count, double seconds, double speech, int withSpeech,
               Map<Emotion, Double> scoreSums, double arousalSum, double valenceSum,
               String detector) {
        clips += count;
        audioSeconds += seconds;
        speechSeconds += speech;
        speechClips += withSpeech;
        scoreSums.forEach((emotion, sum) -> voiceScores.merge(emotion, sum, Double::sum));
        voiceArousal += arousalSum;
        voiceValence += valenceSum;
        voiceDetectors.add(detector);
    }

    void add(Tally other) {
        frames += other.frames;
        maxFacesInFrame = Math.max(maxFacesInFrame, other.maxFacesInFrame);
        faceDetectors.addAll(other.faceDetectors);
        addFaces(other.faces, other.assessableFaces, other.faceScores, other.faceArousal,
                other.faceValence);
        clips += other.clips;
        audioSeconds += other.audioSeconds;
        speechSeconds += other.speechSeconds;
        speechClips += other.speechClips;
        other.voiceScores.forEach((emotion, sum) -> voiceScores.merge(emotion, sum, Double::sum));
        voiceArousal += other.voiceArousal;
        voiceValence += other.voiceValence;
        voiceDetectors.addAll(other.voiceDetectors);
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

    private static Map<Emotion, Double> zeros() {
        Map<Emotion, Double> map = new EnumMap<>(Emotion.class);
        EmotionColumns.emotions().forEach(emotion -> map.put(emotion, 0.0));
        return map;
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

        static Affect of(Map<Emotion, Double> sums, int n, double valence, double arousal) {
            Map<String, Double> emotions = new LinkedHashMap<>();
            Emotion best = null;
            for (Map.Entry<Emotion, Double> entry : sums.entrySet()) {
                emotions.put(entry.getKey().label(), round(entry.getValue() / n));
                if (best == null || entry.getValue() > sums.get(best)) {
                    best = entry.getKey();
                }
            }
            return new Affect(n, emotions, best.label(), round(valence / n), round(arousal / n));
        }
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
