package io.github.affect4j.heuristics.face;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.spi.DetectorConfig;
import java.util.Map;

/** Creates detectors through the provider, as discovery does. */
final class Detectors {

    private Detectors() {
    }

    static FaceEmotionDetector create() {
        return create(Map.of());
    }

    static FaceEmotionDetector create(Map<String, String> options) {
        HeuristicFaceDetectorProvider provider = new HeuristicFaceDetectorProvider();
        return provider.create(DetectorConfig.of(provider.options(), options));
    }
}
