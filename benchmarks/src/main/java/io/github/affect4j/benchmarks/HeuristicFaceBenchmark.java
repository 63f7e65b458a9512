package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.media.ImageFrame;
import org.openjdk.jmh.annotations.Benchmark;

/** The rule-based face detector (OpenCV Haar cascades) on one thread. */
public class HeuristicFaceBenchmark extends DetectorBenchmark {

    private FaceEmotionDetector detector;
    private ImageFrame webcamFrame;
    private ImageFrame portrait;
    private ImageFrame faceCrop;
    private byte[] jpeg;

    @Override
    protected void setUp() {
        detector = closeAtEnd(EmotionDetectors.faceBuilder().provider("heuristic").build());
        webcamFrame = Samples.webcamFrame();
        portrait = Samples.photo();
        jpeg = Samples.bytes("astronaut.jpg");
        faceCrop = portrait.crop(detector.analyze(portrait).largestFace().orElseThrow().box());
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
