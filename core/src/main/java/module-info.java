/**
 * The affect4j API: emotion labels and scores, image and audio inputs, detector interfaces,
 * the provider discovery behind {@link io.github.affect4j.EmotionDetectors}, and the metrics of
 * labelled evaluations. No native dependency.
 */
module io.github.affect4j.core {
    requires transitive java.desktop;
    requires org.slf4j;

    exports io.github.affect4j;
    exports io.github.affect4j.evaluation;
    exports io.github.affect4j.media;
    exports io.github.affect4j.spi;

    uses io.github.affect4j.spi.FaceDetectorProvider;
    uses io.github.affect4j.spi.VoiceDetectorProvider;
}
