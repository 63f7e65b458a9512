/**
 * The rule-based voice emotion detector, provider id {@code "heuristic"}: prosody measured with
 * the shared speech DSP of {@code affect4j-voice-features} (TarsosDSP) and mapped to arousal, valence and emotion categories by documented rules. Only
 * {@link io.github.affect4j.heuristics.voice.HeuristicVoiceProvider} is public; applications
 * reach the detector through {@link io.github.affect4j.EmotionDetectors}.
 */
package io.github.affect4j.heuristics.voice;
