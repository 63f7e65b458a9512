package io.github.affect4j.cli;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns one encoded sample into a predicted emotion with the detector of its kind. Only the
 * detector calls are timed: reading and decoding the file are not.
 */
interface SamplePredictor extends AutoCloseable {

    /**
     * What the detector made of one sample.
     *
     * @param emotionOrNull the predicted emotion; null when there was no speech to read
     * @param scores the distribution the prediction is the dominant label of; null without one
     * @param wholeImage no face was found, so the whole image was classified as the face
     * @param notAssessable the face was judged not assessable (its scores were used anyway)
     * @param nanos wall time of the detector calls
     */
    record Prediction(Emotion emotionOrNull, EmotionScores scores, boolean wholeImage,
                      boolean notAssessable, long nanos) {

        /** The predicted emotion; empty when there was no speech to read. */
        Optional<Emotion> emotion() {
            return Optional.ofNullable(emotionOrNull);
        }
    }

    /** Decodes a sample's bytes and runs the detector on it. */
    Prediction predict(byte[] encoded) throws IOException;

    /** The detector in use. */
    DetectorInfo detector();

    @Override
    void close();

    /**
     * Images: the largest face the detector finds; when it finds none, the whole image
     * classified as one face ({@link FaceEmotionDetector#analyzeFace}).
     */
    final class Faces implements SamplePredictor {
        private final FaceEmotionDetector faces;

        Faces(FaceEmotionDetector faces) {
            this.faces = faces;
        }

        @Override
        public Prediction predict(byte[] encoded) throws IOException {
            ImageFrame image = ImageFrame.decode(encoded);
            long start = System.nanoTime();
            Optional<FaceResult> largest = faces.analyze(image).largestFace();
            FaceResult face = largest.isPresent() ? largest.get() : faces.analyzeFace(image);
            long nanos = System.nanoTime() - start;
            return new Prediction(face.dominant(), face.scores(), largest.isEmpty(),
                    !face.assessable(), nanos);
        }

        @Override
        public DetectorInfo detector() {
            return faces.info();
        }

        @Override
        public void close() {
            faces.close();
        }
    }

    /**
     * WAV audio: the dominant label of the whole clip's affect; no prediction when the detector
     * finds no speech.
     */
    final class Voices implements SamplePredictor {
        private final VoiceEmotionDetector voices;

        Voices(VoiceEmotionDetector voices) {
            this.voices = voices;
        }

        @Override
        public Prediction predict(byte[] encoded) throws IOException {
            AudioClip clip = AudioClip.readWav(new ByteArrayInputStream(encoded));
            long start = System.nanoTime();
            VoiceAnalysis analysis = voices.analyze(clip);
            long nanos = System.nanoTime() - start;
            Optional<VoiceAffect> affect = analysis.affect();
            return new Prediction(affect.map(a -> a.scores().dominant()).orElse(null),
                    affect.map(VoiceAffect::scores).orElse(null), false, false, nanos);
        }

        @Override
        public DetectorInfo detector() {
            return voices.info();
        }

        @Override
        public void close() {
            voices.close();
        }
    }
}
