package io.github.affect4j.voice.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link SignalConditioner}'s DC removal and resampling to the analysis rate, over
 * generated rates, lengths, signals and chunkings (jqwik): the duration is kept to within a few
 * samples whatever the length, the output is finite and bounded, and how the input is cut into
 * chunks changes it only in rounding: TarsosDSP's resampler carries its fractional position
 * across calls, so at rates that are not a multiple of 16 kHz's divisors a chunked run may end
 * one sample longer or shorter and differ by a few 1e-4 (measured: at most 5.3e-4 at 11,025 Hz).
 */
class ConditionerPropertiesTest {

    @Property(tries = 60)
    void resamplingKeepsTheDurationAndStaysBounded(
            @ForAll("rates") int rate, @ForAll @IntRange(min = 1, max = 24_000) int length,
            @ForAll @IntRange(min = 1, max = 5_000) int chunk, @ForAll long seed) {
        float[] input = signal(length, seed);
        float[] output = condition(rate, input, chunk);
        double expected = length * (double) SignalConditioner.ANALYSIS_RATE / rate;
        // The resampler's look-ahead and rounding add up to two samples (measured), whatever
        // the length: the drift does not grow with the duration.
        assertEquals(expected, output.length, 3.0, rate + " Hz, " + length + " samples");
        // A high-pass of input in [-1, 1] stays within 2 (a full-scale step); the windowed
        // sinc may overshoot a step by its Gibbs ripple, well under 25%.
        for (float y : output) {
            assertTrue(Float.isFinite(y) && Math.abs(y) <= 2.5f, "sample " + y + " at " + rate + " Hz");
        }
    }

    @Property(tries = 40)
    void chunkingChangesTheOutputOnlyInRounding(@ForAll("rates") int rate,
                                                @ForAll @IntRange(min = 1, max = 12_000) int length,
                                                @ForAll @IntRange(min = 1, max = 5_000) int chunk,
                                                @ForAll long seed) {
        float[] input = signal(length, seed);
        float[] whole = condition(rate, input, length);
        float[] chunked = condition(rate, input, chunk);
        assertEquals(whole.length, chunked.length, 1, rate + " Hz in chunks of " + chunk);
        for (int i = 0; i < Math.min(whole.length, chunked.length); i++) {
            assertEquals(whole[i], chunked[i], 2e-3f, "sample " + i + " at " + rate + " Hz");
        }
        if (SignalConditioner.ANALYSIS_RATE % rate == 0 || rate % SignalConditioner.ANALYSIS_RATE == 0) {
            // Whole ratios keep no fractional position: chunking changes nothing at all.
            assertArrayEquals(whole, chunked);
        }
    }

    @Property(tries = 40)
    void statisticsCountEveryInputSample(@ForAll("rates") int rate,
                                         @ForAll @IntRange(min = 1, max = 12_000) int length,
                                         @ForAll long seed) {
        float[] input = signal(length, seed);
        SignalConditioner conditioner = new SignalConditioner(rate);
        conditioner.accept(input, 0, input.length, (samples, count) -> { });
        RawStatistics statistics = conditioner.statistics();
        assertEquals(length, statistics.count());
    }

    @Provide
    Arbitrary<Integer> rates() {
        return Arbitraries.oneOf(Arbitraries.of(8_000, 11_025, 16_000, 22_050, 44_100, 48_000,
                96_000, 192_000), Arbitraries.integers().between(8_000, 192_000));
    }

    /** Noise, a tone and a DC offset, all within [-1, 1]. */
    private static float[] signal(int length, long seed) {
        Random random = new Random(seed);
        double dc = random.nextDouble() * 0.4 - 0.2;
        double frequency = random.nextDouble() * 0.5;
        double noise = random.nextDouble() * 0.3;
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            double v = dc + 0.4 * Math.sin(2 * Math.PI * frequency * i)
                    + noise * (random.nextDouble() * 2 - 1);
            x[i] = (float) Math.max(-1, Math.min(1, v));
        }
        return x;
    }

    private static float[] condition(int rate, float[] input, int chunk) {
        SignalConditioner conditioner = new SignalConditioner(rate);
        float[][] out = {new float[1024]};
        int[] n = {0};
        SignalConditioner.Sink sink = (samples, count) -> {
            if (n[0] + count > out[0].length) {
                out[0] = Arrays.copyOf(out[0], Math.max(2 * out[0].length, n[0] + count));
            }
            System.arraycopy(samples, 0, out[0], n[0], count);
            n[0] += count;
        };
        for (int from = 0; from < input.length; from += chunk) {
            conditioner.accept(input, from, Math.min(chunk, input.length - from), sink);
        }
        conditioner.finish(sink);
        return Arrays.copyOf(out[0], n[0]);
    }
}
