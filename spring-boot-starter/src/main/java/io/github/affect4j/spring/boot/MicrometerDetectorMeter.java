package io.github.affect4j.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A detector's meters in Micrometer:
 * <ul>
 *   <li>{@value #CALLS}: a timer per call, tagged {@code kind}, {@code provider},
 *       {@code operation} ({@code analyze}, {@code analyzeFace}, {@code analyzeFaces},
 *       {@code openStream}, {@code streamAccept}, {@code streamFlush}) and {@code outcome}
 *       ({@code success} or {@code error});</li>
 *   <li>{@value #FACES} (face) or {@value #SEGMENTS} (voice): faces found or crops scored, speech
 *       segments read, tagged {@code kind} and {@code provider};</li>
 *   <li>{@value #ERRORS}: calls that threw, tagged as the timer and with the {@code exception}'s
 *       simple class name.</li>
 * </ul>
 */
final class MicrometerDetectorMeter implements DetectorMeter {

    static final String CALLS = "affect4j.detector.calls";
    static final String FACES = "affect4j.detector.faces";
    static final String SEGMENTS = "affect4j.detector.segments";
    static final String ERRORS = "affect4j.detector.errors";

    private final MeterRegistry registry;
    private final String kind;
    private final String provider;
    private final Counter found;

    MicrometerDetectorMeter(MeterRegistry registry, String kind, String provider) {
        this.registry = registry;
        this.kind = kind;
        this.provider = provider;
        boolean face = "face".equals(kind);
        this.found = Counter.builder(face ? FACES : SEGMENTS)
                .description(face ? "Faces found by the face emotion detector (or crops scored)"
                        : "Speech segments read by the voice emotion detector")
                .tag("kind", kind).tag("provider", provider).register(registry);
    }

    @Override
    public <T> T call(String operation, Supplier<T> call, ToIntFunction<? super T> count) {
        Timer.Sample sample = Timer.start(registry);
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            sample.stop(timer(operation, "error"));
            Counter.builder(ERRORS).description("Detector calls that threw")
                    .tag("kind", kind).tag("provider", provider).tag("operation", operation)
                    .tag("exception", e.getClass().getSimpleName()).register(registry).increment();
            throw e;
        }
        sample.stop(timer(operation, "success"));
        int n = count.applyAsInt(result);
        if (n > 0) {
            found.increment(n);
        }
        return result;
    }

    private Timer timer(String operation, String outcome) {
        // The registry keeps one timer per name and tags; this finds it again.
        return Timer.builder(CALLS).description("Calls of the emotion detectors")
                .tag("kind", kind).tag("provider", provider).tag("operation", operation)
                .tag("outcome", outcome).register(registry);
    }
}
