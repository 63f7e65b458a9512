package io.github.affect4j.heuristics.voice;

import io.github.affect4j.voice.features.FrameSpec;
import io.github.affect4j.voice.features.SegmenterSettings;
import io.github.affect4j.voice.features.SpeechPipeline;

/**
 * How the prosody rules measure speech with the shared DSP of {@code affect4j-voice-features}:
 * the rules' references ({@link AffectRules}) were set on these measures.
 *
 * <ul>
 *   <li>40 ms frames every 10 ms, YIN pitch in the configured range: the long frame holds two
 *       periods down to 50 Hz;</li>
 *   <li>a 1024-point FFT (15.6 Hz bins) of the zero-padded frame, spectral measures over
 *       80-3400 Hz, the telephone band, which every supported input rate carries;</li>
 *   <li>the syllable envelope from 300-2500 Hz, where vowels carry their energy;</li>
 *   <li>energy over the central 20 ms of the frame, which keeps speech edges sharp.</li>
 * </ul>
 */
final class ProsodyAnalysis {

    private ProsodyAnalysis() {
    }

    /** The frames the rules read, with the configured pitch range. */
    static FrameSpec frameSpec(VoiceSettings settings) {
        return new FrameSpec(640, 1024, FrameSpec.PitchAlgorithm.YIN, settings.pitchMinHz(),
                settings.pitchMaxHz(), 80, 3400, 300, 2500, 320);
    }

    /** The configured segmentation. */
    static SegmenterSettings segmenterSettings(VoiceSettings settings) {
        return new SegmenterSettings(settings.vadThresholdDb(), settings.pauseSeconds(),
                settings.minSegmentSeconds(), settings.maxSegmentSeconds());
    }

    /** A pipeline for one clip or stream at the given input rate. */
    static SpeechPipeline pipeline(VoiceSettings settings, int inputRate) {
        return new SpeechPipeline(inputRate, frameSpec(settings), segmenterSettings(settings),
                null, null);
    }
}
