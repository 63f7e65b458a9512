package io.github.affect4j.spi;

import io.github.affect4j.FaceEmotionDetector;

/** A service that provides {@link FaceEmotionDetector}s; found with {@link java.util.ServiceLoader}. */
public interface FaceDetectorProvider extends DetectorProvider<FaceEmotionDetector> {
}
