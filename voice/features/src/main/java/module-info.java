/**
 * Acoustic speech features on TarsosDSP alone: conditioning, framing, pitch, speech segmentation
 * with a pluggable speech detector, functionals and the level-independent feature set. The
 * shared signal processing of {@code affect4j-voice} (model inputs) and
 * {@code affect4j-heuristics} (prosody rules).
 *
 * <p>TarsosDSP ships without a module name: {@code TarsosDSP} is derived from its jar name.
 */
module io.github.affect4j.voice.features {
    requires transitive io.github.affect4j.core;
    requires TarsosDSP;

    // Exported to all: the DSP building blocks (SpeechPipeline, FrameSpec, ...) are read by
    // io.github.affect4j.heuristics and io.github.affect4j.voice, but the same package holds the
    // public feature API (AcousticFeatureExtractor, FeatureSet, SpeechFeatures) that
    // affect4j-voice's exported onnx API and its applications use, so a qualified export would
    // hide those types from every other module.
    exports io.github.affect4j.voice.features;
}
