package io.github.affect4j.spring.boot;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Measures the calls of one detector. Kept free of Micrometer types so that the detector beans
 * work without Micrometer on the class path ({@link #NONE} then).
 */
interface DetectorMeter {

    /** Measures nothing. */
    DetectorMeter NONE = new DetectorMeter() {
        @Override
        public <T> T call(String operation, Supplier<T> call, ToIntFunction<? super T> found) {
            return call.get();
        }
    };

    /**
     * Runs and measures one call.
     *
     * @param operation the detector method, such as {@code analyze}
     * @param call the call
     * @param found how many faces or speech segments the result holds
     * @return what the call returned
     */
    <T> T call(String operation, Supplier<T> call, ToIntFunction<? super T> found);

    /** Makes the meter of each detector the starter creates. */
    @FunctionalInterface
    interface Factory {

        /** Measures nothing. */
        Factory NONE = (kind, provider) -> DetectorMeter.NONE;

        /**
         * @param kind {@code face} or {@code voice}
         * @param provider the provider id, or {@code none} when no detector is available
         */
        DetectorMeter forDetector(String kind, String provider);
    }
}
