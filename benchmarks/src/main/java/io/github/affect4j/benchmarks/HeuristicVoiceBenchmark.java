package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;
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
 * The rule-based voice detector (TarsosDSP prosody) on one thread. The real-time factor is the
 * time per clip divided by the clip's duration: {@code analyzeOneSecond} in ms / 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeuristicVoiceBenchmark {

    private static final int CHUNK = 320; // 20 ms at 16 kHz

    private VoiceEmotionDetector detector;
    private AudioClip wholeClip;
    private AudioClip oneSecond;
    private float[] samples;
    private VoiceEmotionStream stream;
    private int position;

    @Setup(Level.Trial)
    public void setUp() {
        detector = EmotionDetectors.voiceBuilder().provider("heuristic").build();
        wholeClip = Samples.speech();
        oneSecond = wholeClip.slice(wholeClip.sampleRate(), 2 * wholeClip.sampleRate());
        samples = wholeClip.samples();
        stream = detector.openStream(wholeClip.sampleRate());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stream.close();
        detector.close();
    }

    /** One second of real speech (16 kHz): segmentation, features and scoring. */
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
        if (position + CHUNK > samples.length) {
            position = 0;
        }
        float[] chunk = java.util.Arrays.copyOfRange(samples, position, position + CHUNK);
        position += CHUNK;
        return stream.accept(chunk);
    }
}
