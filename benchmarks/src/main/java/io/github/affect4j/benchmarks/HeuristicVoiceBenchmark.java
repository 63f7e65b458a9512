package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The rule-based voice detector (TarsosDSP prosody) on one thread. The real-time factor is the
 * time per clip divided by the clip's duration: {@code analyzeOneSecond} in ms / 1000.
 */
public class HeuristicVoiceBenchmark extends DetectorBenchmark {

    private VoiceEmotionDetector detector;
    private AudioClip wholeClip;
    private AudioClip oneSecond;
    private float[] samples;
    private VoiceEmotionStream stream;

    @Override
    protected void setUp() {
        detector = closeAtEnd(EmotionDetectors.voiceBuilder().provider("heuristic").build());
        wholeClip = Samples.speech();
        oneSecond = wholeClip.slice(wholeClip.sampleRate(), 2 * wholeClip.sampleRate());
        samples = wholeClip.samples();
        stream = closeAtEnd(detector.openStream(wholeClip.sampleRate()));
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
        return stream.accept(nextChunk(samples));
    }
}
