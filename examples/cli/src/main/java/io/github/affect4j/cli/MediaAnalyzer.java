package io.github.affect4j.cli;

import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.InvalidOptionException;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.InvalidMediaException;
import io.github.affect4j.media.MediaFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Analyses one named file's bytes with the detector that fits its content. */
final class MediaAnalyzer {

    /** The outcome for one file: exactly one of face, voice or error is set. */
    record Outcome(String name, FaceAnalysis face, VoiceAnalysis voice, String error) {
        static Outcome failed(String name, String error) {
            return new Outcome(name, null, null, error);
        }

        boolean ok() {
            return error == null;
        }
    }

    private final Detectors detectors;

    MediaAnalyzer(Detectors detectors) {
        this.detectors = detectors;
    }

    Outcome analyze(String name, byte[] data) {
        try {
            MediaFormat format = MediaFormat.of(data);
            if (format.isImage()) {
                return new Outcome(name, detectors.face().analyze(ImageFrame.decode(data)), null,
                        null);
            }
            if (format.isAudio()) {
                return new Outcome(name, null, detectors.voice()
                        .analyze(AudioClip.readWav(new ByteArrayInputStream(data))), null);
            }
            return Outcome.failed(name, data.length == 0 ? "empty file"
                    : "neither an image (JPEG, PNG, BMP, GIF, TIFF) nor a WAV file");
        } catch (InvalidMediaException e) {
            return Outcome.failed(name, e.getMessage());
        } catch (InvalidOptionException e) {
            // the command line is wrong, not this file: the command stops with a usage error
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.failed(name, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
