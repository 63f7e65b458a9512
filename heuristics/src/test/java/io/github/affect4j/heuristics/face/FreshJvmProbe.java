package io.github.affect4j.heuristics.face;

import io.github.affect4j.DetectorUnavailableException;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.spi.DetectorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run in a child JVM by {@link FreshJvmTest}: natives load once per JVM, so what happens before
 * and instead of that can only be seen in a JVM of its own.
 */
public final class FreshJvmProbe {

    private FreshJvmProbe() {
    }

    /**
     * @param args {@code availability}: ask discovery about providers without creating one;
     *     {@code create}: build the heuristic detector through discovery
     */
    public static void main(String[] args) {
        switch (args[0]) {
            case "availability" -> {
                HeuristicFaceDetectorProvider provider = new HeuristicFaceDetectorProvider();
                System.out.println("available=" + provider
                        .availability(DetectorConfig.defaults(provider.options())).available());
                System.out.println("providers=" + EmotionDetectors.faceBuilder().providers());
            }
            case "create" -> {
                try (FaceEmotionDetector detector = EmotionDetectors.faceBuilder()
                        .provider("heuristic").build()) {
                    System.out.println("created=" + detector.info().providerId());
                } catch (DetectorUnavailableException e) {
                    System.out.println("unavailable=" + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        }
        // What the run left in the temp folder before the exit hooks clean up.
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            System.out.println("tmp=" + entries.map(entry -> entry.getFileName().toString())
                    .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
