/**
 * Rule-based fallback detectors: faces with OpenCV Haar cascades, voices with TarsosDSP prosody.
 * Reached only through {@link io.github.affect4j.EmotionDetectors}; no package is exported.
 *
 * <p>The voice rules measure speech with the DSP of {@code io.github.affect4j.voice.features}
 * (TarsosDSP). OpenCV ships without a module name: {@code opencv} is derived from its jar file
 * name ({@code opencv-4.9.0-0.jar}).
 */
module io.github.affect4j.heuristics {
    requires io.github.affect4j.core;
    requires org.slf4j;
    requires opencv;
    requires io.github.affect4j.voice.features;

    provides io.github.affect4j.spi.FaceDetectorProvider
            with io.github.affect4j.heuristics.face.HeuristicFaceDetectorProvider;
    provides io.github.affect4j.spi.VoiceDetectorProvider
            with io.github.affect4j.heuristics.voice.HeuristicVoiceProvider;
}
