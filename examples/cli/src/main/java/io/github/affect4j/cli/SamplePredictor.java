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
     * @param path how an image was read; null for audio
     * @param notAssessable the face was judged not assessable (its scores were used anyway)
     * @param nanos wall time of the detector calls
     */
    record Prediction(Emotion emotionOrNull, EmotionScores scores, ImagePath path,
                      boolean notAssessable, long nanos) {

        /** Whether the detector returned no face and the whole image was classified here. */
        boolean wholeImage() {
            return path == ImagePath.WHOLE_IMAGE;
        }

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
     * Images: the largest face the detector returns (which may be the whole image read as a face
     * crop, see {@link io.github.affect4j.FaceSource}); when it returns none, the whole image
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
            return new Prediction(face.dominant(), face.scores(),
                    largest.isPresent() ? ImagePath.of(face.source()) : ImagePath.WHOLE_IMAGE,
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
                    affect.map(VoiceAffect::scores).orElse(null), null, false, nanos);
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
