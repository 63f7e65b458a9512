/**
 * Level-independent acoustic features of speech (eGeMAPS-like functionals of pitch, voice
 * quality, loudness dynamics, rhythm, spectrum and MFCCs) over energy-detected speech segments:
 * {@link io.github.affect4j.voice.features.AcousticFeatureExtractor} and the versioned
 * {@link io.github.affect4j.voice.features.FeatureSet}.
 *
 * <p>Also the one home of the speech signal processing that the model-backed voice detector
 * ({@code affect4j-voice}) and the prosody rules ({@code affect4j-heuristics}) share:
 * {@link io.github.affect4j.voice.features.SpeechPipeline} (conditioning, framing by a
 * {@link io.github.affect4j.voice.features.FrameSpec}, segmentation with a pluggable
 * {@link io.github.affect4j.voice.features.VoiceActivityModel}), the contour statistics of
 * {@link io.github.affect4j.voice.features.Functionals}, the audio-quality flags of
 * {@link io.github.affect4j.voice.features.AudioQuality} and the
 * {@link io.github.affect4j.voice.features.SpeakerBaseline}.
 */
package io.github.affect4j.voice.features;
