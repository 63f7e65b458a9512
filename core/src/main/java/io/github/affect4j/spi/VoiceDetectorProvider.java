package io.github.affect4j.spi;

import io.github.affect4j.VoiceEmotionDetector;

/** A service that provides {@link VoiceEmotionDetector}s; found with {@link java.util.ServiceLoader}. */
public interface VoiceDetectorProvider extends DetectorProvider<VoiceEmotionDetector> {
}
