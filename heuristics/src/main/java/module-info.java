/**
 * Rule-based fallback detectors: faces with OpenCV Haar cascades, voices with TarsosDSP prosody.
 * Reached only through {@link io.github.affect4j.EmotionDetectors}; no package is exported.
 *
 * <p>OpenCV and TarsosDSP ship without module names: {@code opencv} and {@code TarsosDSP} are
 * derived from their jar file names ({@code opencv-4.9.0-0.jar}, {@code TarsosDSP-2.4.jar}).
 */
module io.github.affect4j.heuristics {
    requires io.github.affect4j.core;
    requires org.slf4j;
    requires opencv;
    requires TarsosDSP;

    provides io.github.affect4j.spi.FaceDetectorProvider
            with io.github.affect4j.heuristics.face.HeuristicFaceDetectorProvider;
    provides io.github.affect4j.spi.VoiceDetectorProvider
            with io.github.affect4j.heuristics.voice.HeuristicVoiceProvider;
}
