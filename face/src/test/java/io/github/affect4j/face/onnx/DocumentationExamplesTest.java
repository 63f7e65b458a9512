package io.github.affect4j.face.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the Javadoc and of face/README.md, as written there, on real files. */
class DocumentationExamplesTest {

    @TempDir
    Path dir;

    @Test
    void onnxFaceEmotionJavadocExample() throws Exception {
        Path cardFile = Files.write(dir.resolve("enet_b0_8.properties"), ParityTest.resource(
                "/io/github/affect4j/face/onnx/tiny/hsemotion_enet_b0_8.properties"));
        Path modelFile = Files.write(dir.resolve("enet_b0_8_best_afew.onnx"), ParityTest.resource(
                "/io/github/affect4j/face/onnx/tiny/hsemotion_enet_b0_8_tiny.onnx"));
        Path photo = Files.copy(TestImages.ASTRONAUT, dir.resolve("photo.jpg"));

        // --- as in OnnxFaceEmotion's Javadoc
        ModelCard card = ModelCard.read(cardFile);
        try (FaceEmotionDetector faces = OnnxFaceEmotion.builder()
                .classifier(modelFile, card)
                .option("flip", "false")
                .build()) {
            FaceAnalysis analysis = faces.analyze(ImageFrame.read(photo));
            // ---
            assertEquals(1, analysis.faces().size());
            assertTrue(analysis.detector().model().contains("enet_b0_8_best_afew.onnx"));
        }
    }

    @Test
    void moduleReadmeExample() throws Exception {
        Path photo = Files.copy(TestImages.ASTRONAUT, dir.resolve("photo.jpg"));
        ImageFrame myOwnFaceCrop = ImageFrame.read(photo).crop(new io.github.affect4j.BoundingBox(160, 50, 130, 150));
        List<ImageFrame> listOfCrops = List.of(myOwnFaceCrop, myOwnFaceCrop);
        StringBuilder printed = new StringBuilder();

        // --- as in face/README.md (System.out.println -> printed.append)
        try (FaceEmotionDetector faces = EmotionDetectors.face()) {
            FaceAnalysis analysis = faces.analyze(ImageFrame.read(Path.of(photo.toString())));
            for (FaceResult face : analysis.faces()) {
                printed.append(face.box() + " " + face.dominant() + " " + face.quality().flags());
            }
            FaceResult crop = faces.analyzeFace(myOwnFaceCrop);
            List<FaceResult> many = faces.analyzeFaces(listOfCrops);
            // ---
            assertEquals("onnx", faces.info().providerId());
            assertEquals(crop.dominant(), many.get(0).dominant());
            assertEquals(crop.scores().probability(crop.dominant()),
                    many.get(0).scores().probability(crop.dominant()), 1e-5);
        }
        assertTrue(printed.toString().contains("HAPPINESS []"), printed.toString());
    }
}
