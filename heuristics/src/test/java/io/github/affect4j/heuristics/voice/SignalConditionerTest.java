package io.github.affect4j.heuristics.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DC removal, resampling (gain, time alignment) and the raw-input bins. */
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
    @ValueSource(ints = {8_000, 16_000, 22_050, 44_100, 48_000, 96_000})
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
    void rawBinsAreTenMillisecondsCentredOnTheHops(int rate) {
        SignalConditioner conditioner = new SignalConditioner(rate);
        float[] input = new float[rate];
        // One full-scale sample at exactly 0.3 s: bin 30 covers 295 to 305 ms.
        input[(int) Math.round(0.3 * rate)] = 1f;
        conditioner.accept(input, 0, input.length, (s, c) -> { });
        long total = 0;
        for (int bin = 0; conditioner.pendingBins() > 0; bin++) {
            SignalConditioner.RawBin b = conditioner.takeBin();
            total += b.count();
            assertEquals(bin == 30 ? 1 : 0, b.clipped(), "bin " + bin);
            if (bin > 0) {
                assertEquals(rate / 100.0, b.count(), 1, "bin " + bin);
            }
        }
        // All complete bins: everything but the last 5 ms.
        assertEquals(rate - rate / 200.0, total, 1);
    }
}
