package io.github.affect4j.discovery;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.spi.DetectorConfig;
import java.util.List;

/** A face detector that reports every image as one happy face; it remembers who made it. */
final class StubFaceDetector implements FaceEmotionDetector {

    private final DetectorInfo info;
    private final DetectorConfig config;
    private volatile boolean closed;

    StubFaceDetector(String providerId, Class<?> provider, DetectorConfig config) {
        this.info = new DetectorInfo(providerId, "stub made by " + provider.getSimpleName(), "none");
        this.config = config;
    }

    /** The options the detector was created with. */
    DetectorConfig config() {
        return config;
    }

    @Override
    public FaceAnalysis analyze(ImageFrame image) {
        return new FaceAnalysis(image.width(), image.height(), List.of(analyzeFace(image)), info);
    }

    @Override
    public FaceResult analyzeFace(ImageFrame faceCrop) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        return new FaceResult(new BoundingBox(0, 0, faceCrop.width(), faceCrop.height()), 1,
                EmotionScores.certain(Emotion.HAPPINESS), FaceQuality.good());
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public void close() {
        closed = true;
    }
}
