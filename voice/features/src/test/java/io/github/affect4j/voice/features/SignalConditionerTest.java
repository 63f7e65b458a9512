package io.github.affect4j.voice.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DC removal, resampling (gain, time alignment) and the raw-input statistics. */
class SignalConditionerTest {

    private static float[] condition(float[] input, int rate, int chunk) {
        SignalConditioner conditioner = new SignalConditioner(rate);
        List<Float> out = new ArrayList<>();
        SignalConditioner.Sink sink = (samples, count) -> {
            for (int i = 0; i < count; i++) {
                out.add(samples[i]);
            }
        };
        for (int from = 0; from < input.length; from += chunk) {
            conditioner.accept(input, from, Math.min(chunk, input.length - from), sink);
        }
        conditioner.finish(sink);
        float[] result = new float[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 22_050, 44_100, 48_000, 96_000, 192_000})
    void outputIsTimeAlignedAt16kHzWithUnitGain(int rate) {
        // A 500 Hz tone burst with a smooth envelope centred at 0.5 s, on a DC offset.
        int n = rate;
        float[] input = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double envelope = Math.exp(-Math.pow((t - 0.5) / 0.05, 2));
            input[i] = (float) (0.3 + 0.5 * envelope * Math.sin(2 * Math.PI * 500 * t));
        }
        float[] out = condition(input, rate, 1234);
        assertEquals(16_000, out.length, 2);
        // The envelope's centre of mass is at 0.5 s.
        double weighted = 0;
        double total = 0;
        double peak = 0;
        for (int i = 0; i < out.length; i++) {
            double p = out[i] * (double) out[i];
            weighted += p * i;
            total += p;
            peak = Math.max(peak, Math.abs(out[i]));
        }
        assertEquals(8_000, weighted / total, 8, "centre of the burst in output samples");
        assertEquals(0.5, peak, 0.02, "burst amplitude");
        // The offset is gone: no step at the start, no residue at the end.
        assertTrue(Math.abs(out[0]) < 1e-3 && Math.abs(out[out.length / 10]) < 1e-3,
                out[0] + ", " + out[out.length / 10]);
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 22_050, 44_100})
    void rawStatisticsCountTheInputBeforeConditioning(int rate) {
        SignalConditioner conditioner = new SignalConditioner(rate);
        float[] input = new float[rate];
        java.util.Arrays.fill(input, 0.25f);
        input[rate / 3] = 1f;
        input[rate / 2] = -0.995f;
        conditioner.accept(input, 0, rate / 2, (s, c) -> { });
        RawStatistics half = conditioner.statistics();
        conditioner.accept(input, rate / 2, rate - rate / 2, (s, c) -> { });
        RawStatistics all = conditioner.statistics();
        assertEquals(rate, all.count());
        assertEquals(2, all.clipped());
        assertEquals(1, half.clipped(), "only the sample at a third is in the first half");
        RawStatistics second = all.minus(half);
        assertEquals(rate - rate / 2, second.count());
        assertEquals(1, second.clipped());
        double expectedSum = 0.25 * (rate - 2) + 1 - 0.995;
        assertEquals(expectedSum, all.sum(), 1e-3);
        assertEquals(expectedSum / rate, all.mean(), 1e-6);
    }
}
