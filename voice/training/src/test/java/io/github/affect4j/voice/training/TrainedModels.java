package io.github.affect4j.voice.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Models trained on the synthetic corpus, saved once per test JVM, for the detector tests. */
public final class TrainedModels {

    private static Path speakerNormalised;

    private TrainedModels() {
    }

    /** A linear, speaker-normalised model trained on all synthetic clips; its .onnx path. */
    public static synchronized Path syntheticModel() {
        if (speakerNormalised == null) {
            try {
                Path dir = Files.createTempDirectory("affect4j-voice-test");
                dir.toFile().deleteOnExit();
                Path onnx = dir.resolve("synthetic.onnx");
                VoiceTrainer.builder().speakerNormalisation(true).name("synthetic").build()
                        .train(SyntheticCorpus.features()).model().save(onnx);
                onnx.toFile().deleteOnExit();
                onnx.resolveSibling("synthetic.card.properties").toFile().deleteOnExit();
                speakerNormalised = onnx;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return speakerNormalised;
    }
}
