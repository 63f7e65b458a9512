package io.github.affect4j.voice.features;

/**
 * Statistics of raw input samples, before DC removal and resampling, as
 * {@link SignalConditioner} counts them.
 *
 * @param count samples seen
 * @param sum their sum
 * @param sumSquares the sum of their squares
 * @param clipped samples at or beyond {@value SignalConditioner#CLIP_LEVEL} of full scale
 */
public record RawStatistics(long count, double sum, double sumSquares, long clipped) {

    /** No samples. */
    public static final RawStatistics EMPTY = new RawStatistics(0, 0, 0, 0);

    /**
     * The statistics of the samples counted after {@code earlier} was taken.
     *
     * @param earlier statistics of a prefix of the same input
     * @return the difference
     */
    public RawStatistics minus(RawStatistics earlier) {
        return new RawStatistics(count - earlier.count, sum - earlier.sum,
                sumSquares - earlier.sumSquares, clipped - earlier.clipped);
    }

    /** @return the mean sample, 0 without samples */
    public double mean() {
        return count > 0 ? sum / count : 0;
    }

    /** @return the RMS about the mean, 0 without samples */
    public double acRms() {
        if (count == 0) {
            return 0;
        }
        double mean = mean();
        return Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
    }
}
