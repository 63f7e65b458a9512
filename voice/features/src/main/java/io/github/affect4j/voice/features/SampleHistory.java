package io.github.affect4j.voice.features;

import java.util.Arrays;

/**
 * The recent conditioned 16 kHz samples of a clip or stream, addressed by their absolute index,
 * so that the samples of a speech segment can be cut out when the segment ends. Older samples
 * are dropped by {@link #keepFrom}: memory stays bounded by one segment plus a margin. Not
 * thread-safe.
 */
final class SampleHistory {

    private float[] buffer = new float[1 << 14];
    /** Absolute index of {@code buffer[0]}. */
    private long base;
    private int size;

    void append(float[] samples, int count) {
        if (size + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, size + count));
        }
        System.arraycopy(samples, 0, buffer, size, count);
        size += count;
    }

    /** Absolute index one past the last sample appended. */
    long end() {
        return base + size;
    }

    /** The samples {@code [from, to)}, clamped to what is held. */
    float[] copy(long from, long to) {
        long start = Math.max(from, base);
        long stop = Math.min(to, end());
        if (stop <= start) {
            return new float[0];
        }
        return Arrays.copyOfRange(buffer, (int) (start - base), (int) (stop - base));
    }

    /** Samples held now, for tests of the memory bound. */
    int held() {
        return size;
    }

    /** Allows the samples before {@code from} to be dropped. */
    void keepFrom(long from) {
        int drop = (int) Math.min(size, Math.max(0, from - base));
        // Compact only when at least half the buffer can go: amortised O(1) per sample.
        if (drop > 0 && drop >= buffer.length / 2) {
            System.arraycopy(buffer, drop, buffer, 0, size - drop);
            size -= drop;
            base += drop;
        }
    }
}
