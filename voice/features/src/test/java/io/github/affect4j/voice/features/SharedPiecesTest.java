package io.github.affect4j.voice.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.VoiceResult.Flag;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small shared pieces: quality flags, speaker baseline, frame and segmenter settings. */
class SharedPiecesTest {

    @Test
    void clippingNeedsThreeSamplesAndFivePerTenThousand() {
        // 10 000 samples: 5 clipped is 0.05 %, 4 is not enough.
        assertEquals(EnumSet.of(Flag.CLIPPED),
                AudioQuality.ofSpeech(new RawStatistics(10_000, 0, 100, 5), 1, -20, 0.5));
        assertEquals(EnumSet.noneOf(Flag.class),
                AudioQuality.ofSpeech(new RawStatistics(10_000, 0, 100, 4), 1, -20, 0.5));
        // 1000 samples: 0.05 % is half a sample, but three are needed.
        assertEquals(EnumSet.noneOf(Flag.class),
                AudioQuality.ofSpeech(new RawStatistics(1_000, 0, 10, 2), 1, -20, 0.5));
    }

    @Test
    void offsetIsFlaggedWhenLargeOrLargerThanTheSignal() {
        // Mean 0.03: always an offset.
        assertTrue(AudioQuality.ofSpeech(new RawStatistics(100, 3, 1, 0), 1, -20, 0.5)
                .contains(Flag.DC_OFFSET));
        // Mean 0.005, AC power 0.01 - 0.000025 (RMS about 0.1): the signal dominates.
        assertEquals(EnumSet.noneOf(Flag.class),
                AudioQuality.ofSpeech(new RawStatistics(100, 0.5, 1, 0), 1, -20, 0.5));
        // Mean 0.005 on a constant: RMS about the mean is 0, so the offset dominates.
        assertTrue(AudioQuality.ofSpeech(new RawStatistics(100, 0.5, 0.0025, 0), 1, -20, 0.5)
                .contains(Flag.DC_OFFSET));
    }

    @Test
    void shortQuietAndSpeechlessFlagsInFlagOrder() {
        EnumSet<Flag> flags = AudioQuality.ofSpeech(RawStatistics.EMPTY, 0.4, -50, 0.5);
        assertEquals(EnumSet.of(Flag.TOO_SHORT, Flag.LOW_LEVEL), flags);
        // Without speech: RMS 0.001 is -60 dBFS, below -45; a 0.3 s clip is too short.
        EnumSet<Flag> none = AudioQuality.withoutSpeech(
                new RawStatistics(4_800, 0, 4_800 * 1e-6, 0), 0.3, 0.5);
        assertEquals(EnumSet.of(Flag.NO_SPEECH, Flag.TOO_SHORT, Flag.LOW_LEVEL), none);
        List<Flag> order = List.copyOf(none);
        assertEquals(List.copyOf(EnumSet.copyOf(order)), order, "iterates in Flag order");
    }

    @Test
    void baselineShrinksTowardThePopulationByItsPrior() {
        SpeakerBaseline baseline = new SpeakerBaseline(new double[] {10, 0}, 5);
        assertEquals(10, baseline.mean(0));
        baseline.add(new double[] {20, Double.NaN}, 5);
        double decay = Math.exp(-5 / SpeakerBaseline.MEMORY_SECONDS);
        assertEquals(5 * decay * 0 + 5, baseline.seconds(0), 1e-12);
        // (5 s at 20 + 5 s of prior at 10) / 10 s.
        assertEquals(15, baseline.mean(0), 1e-12);
        assertEquals(0, baseline.mean(1), "a NaN measure leaves the population mean");
        assertEquals(0, baseline.seconds(1));
    }

    @Test
    void baselineWithoutPopulationIsUnknownUntilMeasured() {
        SpeakerBaseline baseline = SpeakerBaseline.withoutPopulation(2);
        assertTrue(Double.isNaN(baseline.mean(0)));
        baseline.add(new double[] {3, Double.POSITIVE_INFINITY}, 2);
        baseline.add(new double[] {6, 1}, 1);
        double d = Math.exp(-1 / SpeakerBaseline.MEMORY_SECONDS);
        assertEquals((2 * 3 * d + 6) / (2 * d + 1), baseline.mean(0), 1e-12);
        assertEquals(1, baseline.mean(1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SpeakerBaseline(new double[1], -1));
    }

    @Test
    void frameSpecRejectsWhatTheAnalyserCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> new FrameSpec(512, 500,
                FrameSpec.PitchAlgorithm.YIN, 60, 600, 50, 4000, 50, 4000, 512));
        assertThrows(IllegalArgumentException.class, () -> new FrameSpec(512, 256,
                FrameSpec.PitchAlgorithm.YIN, 60, 600, 50, 4000, 50, 4000, 512));
        assertThrows(IllegalArgumentException.class, () -> new FrameSpec(512, 512,
                FrameSpec.PitchAlgorithm.YIN, 600, 60, 50, 4000, 50, 4000, 512));
        assertThrows(IllegalArgumentException.class, () -> new FrameSpec(512, 512,
                FrameSpec.PitchAlgorithm.YIN, 60, 600, 50, 4000, 30, 4000, 512));
        assertThrows(IllegalArgumentException.class, () -> new FrameSpec(512, 512,
                FrameSpec.PitchAlgorithm.YIN, 60, 600, 50, 9000, 50, 4000, 512));
        assertThrows(IllegalArgumentException.class, () -> new FrameSpec(512, 512,
                FrameSpec.PitchAlgorithm.YIN, 60, 600, 50, 4000, 50, 4000, 600));
        // A 40 ms frame stands for the 10 ms from 15 ms to 25 ms after its start.
        FrameSpec forty = new FrameSpec(640, 1024, FrameSpec.PitchAlgorithm.YIN, 60, 600, 80,
                3400, 300, 2500, 320);
        Frame frame = new Frame(3, forty, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0,
                new float[13], new float[4], 0, 0, Double.NaN, RawStatistics.EMPTY);
        assertEquals(0.045, frame.startSeconds(), 1e-12);
        assertEquals(0.055, frame.endSeconds(), 1e-12);
        assertEquals(3 * 160 + 640, frame.endSample());
    }

    @Test
    void segmenterSettingsContinueFourDecibelsBelowTheStart() {
        assertEquals(6, SegmenterSettings.DEFAULTS.continueDb());
        assertThrows(IllegalArgumentException.class, () -> new SegmenterSettings(0, 0.3, 0.2, 10));
        assertThrows(IllegalArgumentException.class, () -> new SegmenterSettings(10, 0.3, 2, 1));
    }
}
