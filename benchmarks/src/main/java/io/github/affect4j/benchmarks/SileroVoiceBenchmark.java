package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.voice.onnx.SileroVad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Silero VAD in the voice pipeline, on one thread. The model is not bundled (see MODELS.md):
 * name a Silero VAD v5/v6 file with {@code -Daffect4j.bench.sileroModel=...} passed to the
 * benchmark JVM, e.g. {@code java -jar benchmarks.jar SileroVoiceBenchmark -jvmArgsAppend
 * -Daffect4j.bench.sileroModel=/path/silero_vad.onnx}.
 */
public class SileroVoiceBenchmark extends DetectorBenchmark {

    private SileroVad vad;
    private VoiceEmotionDetector detector;
    private AudioClip wholeClip;
    private float[] oneSecond;
    private float[] samples;
    private VoiceEmotionStream stream;

    @Override
    protected void setUp() throws IOException {
        String property = System.getProperty("affect4j.bench.sileroModel");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("set -Daffect4j.bench.sileroModel to a Silero VAD "
                    + "v5/v6 .onnx file (not bundled), got " + property);
        }
        vad = closeAtEnd(SileroVad.load(Path.of(property)));
        Path dir = temporaryDirectory("affect4j-silero-bench");
        Path model = OnnxVoiceBenchmark.trainSyntheticModel(dir);
        detector = closeAtEnd(EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", model.toString()).option("vadModel", property).build());
        wholeClip = Samples.speech();
        samples = wholeClip.samples();
        oneSecond = Arrays.copyOfRange(samples, 16000, 32000);
        stream = closeAtEnd(detector.openStream(wholeClip.sampleRate()));
    }

    /** Silero alone: 31 windows of 512 samples, one second of 16 kHz speech. */
    @Benchmark
    public float[] sileroOneSecond() {
        return vad.probabilities(oneSecond);
    }

    /** The whole 7.1 s clip, segmented by Silero, with features and the trained model. */
    @Benchmark
    public VoiceAnalysis analyzeWholeClipSilero() {
        return detector.analyze(wholeClip);
    }

    /** One 20 ms chunk fed to a Silero-segmented stream. */
    @Benchmark
    public List<?> streamChunkSilero() {
        return stream.accept(nextChunk(samples));
    }
}
