package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.training.LabelScheme;
import io.github.affect4j.voice.training.VoiceCorpus;
import io.github.affect4j.voice.training.VoiceTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The model-backed voice detector (provider {@code onnx}) on one thread, one ONNX Runtime thread.
 * Setup trains a linear, speaker-normalised model with the voice trainer's Java API on the
 * synthetic espeak-ng corpus packed into this jar (no network), as {@code train-voice} would.
 * Targets: features plus inference at a real-time factor of 0.01 or less ({@code
 * analyzeOneSecond} at most 10 ms), streaming at most 1 ms per 20 ms chunk.
 *
 * <p>{@code *Waveform} benchmarks run the tiny generated waveform model of the voice tests
 * (four reductions over the samples): they measure what the pipeline adds around a waveform
 * model (keeping samples, normalisation, one ONNX run per span), not a wav2vec2 network, whose
 * cost is its own. Silero VAD, which cannot be bundled, is in {@link SileroVoiceBenchmark}.
 */
public class OnnxVoiceBenchmark extends DetectorBenchmark {

    private VoiceEmotionDetector detector;
    private VoiceEmotionDetector waveform;
    private AudioClip wholeClip;
    private AudioClip oneSecond;
    private float[] samples;
    private VoiceEmotionStream stream;

    @Override
    protected void setUp() throws IOException {
        Path dir = temporaryDirectory("affect4j-voice-bench");
        Path model = trainSyntheticModel(dir);
        detector = closeAtEnd(EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", model.toString()).build());
        Path tiny = dir.resolve("categorical_dynamic.onnx");
        copy("waveform/categorical_dynamic.onnx", tiny);
        copy("waveform/categorical_dynamic.card.properties",
                dir.resolve("categorical_dynamic.card.properties"));
        waveform = closeAtEnd(EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", tiny.toString()).build());
        wholeClip = Samples.speech();
        oneSecond = wholeClip.slice(wholeClip.sampleRate(), 2 * wholeClip.sampleRate());
        samples = wholeClip.samples();
        stream = closeAtEnd(detector.openStream(wholeClip.sampleRate()));
    }

    /** Copies the synthetic corpus out of the jar and trains on it; returns the .onnx path. */
    static Path trainSyntheticModel(Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("synthetic"));
        for (String emotion : new String[] {"01", "03", "04", "05"}) {
            for (String statement : new String[] {"01", "02"}) {
                for (int actor = 1; actor <= 5; actor++) {
                    String name = "03-01-" + emotion + "-01-" + statement + "-01-0" + actor + ".wav";
                    copy("synthetic/" + name, corpus.resolve(name));
                }
            }
        }
        VoiceCorpus scanned = VoiceCorpus.scan(corpus, LabelScheme.AUTO, null);
        Path model = dir.resolve("synthetic.onnx");
        VoiceTrainer.builder().speakerNormalisation(true).name("synthetic").build()
                .train(VoiceTrainer.extract(scanned.recordings(), 2, reason -> {
                    throw new IllegalStateException("skipped a synthetic clip: " + reason);
                })).model().save(model);
        return model;
    }

    static void copy(String resource, Path target) throws IOException {
        try (InputStream in = OnnxVoiceBenchmark.class.getResourceAsStream("/samples/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("sample " + resource + " missing from the jar");
            }
            Files.copy(in, target);
        }
    }

    /** One second of real speech (16 kHz): segmentation, 107 features, one ONNX batch. */
    @Benchmark
    public VoiceAnalysis analyzeOneSecond() {
        return detector.analyze(oneSecond);
    }

    /** The whole 7.1 s sample clip. */
    @Benchmark
    public VoiceAnalysis analyzeWholeClip() {
        return detector.analyze(wholeClip);
    }

    /** One 20 ms chunk fed to a stream, cycling through the sample clip. */
    @Benchmark
    public List<?> streamChunk() {
        return stream.accept(nextChunk(samples));
    }

    /** The whole clip through the tiny waveform model (pipeline overhead, see class comment). */
    @Benchmark
    public VoiceAnalysis analyzeWholeClipWaveform() {
        return waveform.analyze(wholeClip);
    }
}
