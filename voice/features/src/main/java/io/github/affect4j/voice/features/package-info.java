/**
 * Level-independent acoustic features of speech (eGeMAPS-like functionals of pitch, voice
 * quality, loudness dynamics, rhythm, spectrum and MFCCs) over energy-detected speech segments:
 * {@link io.github.affect4j.voice.features.AcousticFeatureExtractor} and the versioned
 * {@link io.github.affect4j.voice.features.FeatureSet}.
 */
package io.github.affect4j.voice.features;
