package io.github.affect4j.benchmarks;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.media.InvalidMediaException;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model-backed face detector (provider {@code onnx}) on one thread, with its default of one
 * ONNX Runtime thread per run. Targets on the 2-core reference machine: default pipeline on a
 * 640x480 frame with one face 15 ms, fast mode 6 ms, one prepared crop 3 ms, 32 crops at
 * 300 faces/s or more (about 107 ms per batch), loading 300 ms.
 */
public class OnnxFaceBenchmark extends DetectorBenchmark {

    private FaceEmotionDetector accurate;
    private FaceEmotionDetector fast;
    private ImageFrame webcamFrame;
    private ImageFrame faceCrop;
    private List<ImageFrame> crops32;
    private byte[] serverJpeg;

    @Override
    protected void setUp() {
        accurate = closeAtEnd(EmotionDetectors.faceBuilder().provider("onnx").build());
        fast = closeAtEnd(EmotionDetectors.faceBuilder().provider("onnx").option("mode", "fast")
                .build());
        webcamFrame = Samples.webcamFrame();
        faceCrop = webcamFrame.crop(accurate.analyze(webcamFrame).largestFace().orElseThrow().box());
        crops32 = Collections.nCopies(32, faceCrop);
        serverJpeg = Samples.serverFrameJpeg();
    }

    /**
     * Decoding the example server's 640x480 load-test JPEG into an image: the Java side of an
     * upload before any model runs.
     *
     * @return the decoded frame
     * @throws InvalidMediaException never (the sample is valid)
     */
    @Benchmark
    public ImageFrame decodeServerFrame() throws InvalidMediaException {
        return ImageFrame.decode(serverJpeg);
    }

    /**
     * What the example server does per uploaded frame: decode the JPEG, then the default
     * (accurate) pipeline.
     *
     * @return the analysis
     * @throws InvalidMediaException never (the sample is valid)
     */
    @Benchmark
    public FaceAnalysis analyzeServerFrame() throws InvalidMediaException {
        return accurate.analyze(ImageFrame.decode(serverJpeg));
    }

    /** Default (accurate) pipeline: BlazeFace 256, two classifiers, mirrored copies. */
    @Benchmark
    public FaceAnalysis analyzeWebcamFrame() {
        return accurate.analyze(webcamFrame);
    }

    /** Fast mode: BlazeFace 128, face-api.js net alone, no mirrored copies. */
    @Benchmark
    public FaceAnalysis analyzeWebcamFrameFast() {
        return fast.analyze(webcamFrame);
    }

    /** One face crop the caller prepared, default classifiers. */
    @Benchmark
    public FaceResult analyzeFaceCrop() {
        return accurate.analyzeFace(faceCrop);
    }

    /** One face crop, fast mode (one classifier, no mirrored copy). */
    @Benchmark
    public FaceResult analyzeFaceCropFast() {
        return fast.analyzeFace(faceCrop);
    }

    /** 32 crops in one call (runs of a crop and its mirror image), default classifiers. */
    @Benchmark
    public List<FaceResult> analyzeFaceCrops32() {
        return accurate.analyzeFaces(crops32);
    }

    /** 32 crops in one call, fast mode. */
    @Benchmark
    public List<FaceResult> analyzeFaceCrops32Fast() {
        return fast.analyzeFaces(crops32);
    }

    /** Loading: natives (already loaded after the first time), four sessions, default options. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    public Object loadDefaultDetector() {
        FaceEmotionDetector detector = EmotionDetectors.faceBuilder().provider("onnx").build();
        detector.close();
        return detector;
    }
}
