package io.github.affect4j.face.onnx.discovery;

import io.github.affect4j.BoundingBox;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceQuality;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.FaceDetectorProvider;
import java.util.List;

/** A heuristic-priority stand-in, so discovery has something to fall back to in these tests. */
public final class StubFaceProvider implements FaceDetectorProvider {

    static final DetectorInfo INFO = new DetectorInfo("stub", "test stand-in", "none");

    @Override
    public String id() {
        return "stub";
    }

    @Override
    public int priority() {
        return HEURISTIC_PRIORITY;
    }

    @Override
    public Availability availability(DetectorConfig config) {
        return Availability.ready();
    }

    @Override
    public FaceEmotionDetector create(DetectorConfig config) {
        return new FaceEmotionDetector() {
            @Override
            public FaceAnalysis analyze(ImageFrame image) {
                return new FaceAnalysis(image.width(), image.height(), List.of(), INFO);
            }

            @Override
            public FaceResult analyzeFace(ImageFrame faceCrop) {
                return new FaceResult(new BoundingBox(0, 0, faceCrop.width(), faceCrop.height()), 1,
                        EmotionScores.certain(Emotion.NEUTRAL), FaceQuality.good());
            }

            @Override
            public DetectorInfo info() {
                return INFO;
            }

            @Override
            public void close() {
            }
        };
    }
}
