package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.media.ImageFrame;
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

/** The rule-based face detector (OpenCV Haar cascades) on one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeuristicFaceBenchmark {

    private FaceEmotionDetector detector;
    private ImageFrame webcamFrame;
    private ImageFrame portrait;
    private ImageFrame faceCrop;
    private byte[] jpeg;

    @Setup(Level.Trial)
    public void setUp() {
        detector = EmotionDetectors.faceBuilder().provider("heuristic").build();
        webcamFrame = Samples.webcamFrame();
        portrait = Samples.photo();
        jpeg = Samples.bytes("astronaut.jpg");
        faceCrop = portrait.crop(detector.analyze(portrait).largestFace().orElseThrow().box());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
    }

    /** A 640x480 frame with one face: detection plus scoring. */
    @Benchmark
    public FaceAnalysis analyzeWebcamFrame() {
        return detector.analyze(webcamFrame);
    }

    /** The 512x512 sample portrait. */
    @Benchmark
    public FaceAnalysis analyzePortrait() {
        return detector.analyze(portrait);
    }

    /** Scoring a face crop the caller found itself: no detection. */
    @Benchmark
    public Object analyzeFaceCrop() {
        return detector.analyzeFace(faceCrop);
    }

    /** Decoding the 512x512 JPEG sample into an {@link ImageFrame}. */
    @Benchmark
    public ImageFrame decodeJpeg() throws Exception {
        return ImageFrame.decode(jpeg);
    }
}
