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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Silero VAD in the voice pipeline, on one thread. The model is not bundled (see MODELS.md):
 * name a Silero VAD v5/v6 file with {@code -Daffect4j.bench.sileroModel=...} passed to the
 * benchmark JVM, e.g. {@code java -jar benchmarks.jar SileroVoiceBenchmark -jvmArgsAppend
 * -Daffect4j.bench.sileroModel=/path/silero_vad.onnx}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SileroVoiceBenchmark {

    private Path dir;
    private SileroVad vad;
    private VoiceEmotionDetector detector;
    private AudioClip wholeClip;
    private float[] oneSecond;
    private float[] samples;
    private VoiceEmotionStream stream;
    private int position;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String property = System.getProperty("affect4j.bench.sileroModel");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("set -Daffect4j.bench.sileroModel to a Silero VAD "
                    + "v5/v6 .onnx file (not bundled), got " + property);
        }
        vad = SileroVad.load(Path.of(property));
        dir = Files.createTempDirectory("affect4j-silero-bench");
        Path model = OnnxVoiceBenchmark.trainSyntheticModel(dir);
        detector = EmotionDetectors.voiceBuilder().provider("onnx")
                .option("model", model.toString()).option("vadModel", property).build();
        wholeClip = Samples.speech();
        samples = wholeClip.samples();
        oneSecond = Arrays.copyOfRange(samples, 16000, 32000);
        stream = detector.openStream(wholeClip.sampleRate());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stream.close();
        detector.close();
        vad.close();
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
        if (position + OnnxVoiceBenchmark.CHUNK > samples.length) {
            position = 0;
        }
        float[] chunk = Arrays.copyOfRange(samples, position, position + OnnxVoiceBenchmark.CHUNK);
        position += OnnxVoiceBenchmark.CHUNK;
        return stream.accept(chunk);
    }
}
