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

    exports io.github.affect4j.voice.features;
}
