package io.github.affect4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java examples, kept compiling and working against the bundled samples. */
class ReadmeExampleTest {

    private static final Path SAMPLES = Path.of(System.getProperty("affect4j.samples.dir"));

    @Test
    void faceExample() throws IOException {
        List<String> printed = new ArrayList<>();
        Path photo = SAMPLES.resolve("astronaut.jpg");
        // --- as in README.md ---
        try (FaceEmotionDetector faces = EmotionDetectors.face()) {
            FaceAnalysis analysis = faces.analyze(ImageFrame.read(photo));
            for (FaceResult face : analysis.faces())
                printed.add(face.box() + " " + face.dominant() + " " + face.scores().valence());
        }
        // ---
        assertEquals(1, printed.size(), printed::toString);
        assertTrue(printed.get(0).startsWith("BoundingBox[x="), printed::toString);
    }

    @Test
    void voiceExample() throws IOException {
        try (VoiceEmotionDetector voice = EmotionDetectors.voice()) {
            VoiceAnalysis analysis = voice.analyze(AudioClip.readWav(SAMPLES.resolve("speech.wav")));
            assertTrue(analysis.affect().isPresent());
            assertEquals(7.1, analysis.durationSeconds(), 1e-9);
        }
    }
}
