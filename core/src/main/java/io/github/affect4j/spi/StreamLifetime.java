package io.github.affect4j.spi;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The guard of a {@link io.github.affect4j.VoiceEmotionStream}: a stream keeps running state
 * (DSP buffers, the segment in progress, the speaker baseline) that two simultaneous calls would
 * corrupt without any error, so a call made while another is still running fails at once with
 * {@link IllegalStateException} instead. Calls one after the other are fine from any thread: a
 * stream may be handed from thread to thread (an executor feeding chunks in order), and the
 * guard makes each call see the state the previous one left. After {@link #close}, calls fail
 * with {@link IllegalStateException}.
 *
 * <p>Thread-safe; costs two atomic operations per call.
 *
 * <pre>{@code
 * private final StreamLifetime lifetime = new StreamLifetime("voice emotion stream");
 *
 * public List<VoiceResult> accept(float[] samples) {
 *     return lifetime.call(() -> pipeline.accept(samples));
 * }
 * }</pre>
 */
public final class StreamLifetime {

    private final String name;
    /** The thread inside a call, or null. */
    private final AtomicReference<Thread> caller = new AtomicReference<>();
    private volatile boolean closed;

    /** @param name what to call the stream in messages */
    public StreamLifetime(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Runs one call of the stream.
     *
     * @param action the call's work
     * @param <T> what it returns
     * @return what the action returns
     * @throws IllegalStateException if the stream was closed, or another thread is inside a call
     *     of this stream (or this thread is, from within the action)
     */
    public <T> T call(Supplier<T> action) {
        Thread current = Thread.currentThread();
        if (closed) {
            throw new IllegalStateException("the " + name + " was closed");
        }
        if (!caller.compareAndSet(null, current)) {
            Thread other = caller.get();
            throw new IllegalStateException("the " + name + " is in use by "
                    + (other == current ? "this thread already" : "thread '"
                    + (other == null ? "?" : other.getName()) + "'")
                    + ": a stream is not thread-safe; feed it from one thread at a time");
        }
        try {
            if (closed) {
                throw new IllegalStateException("the " + name + " was closed");
            }
            return action.get();
        } finally {
            caller.set(null);
        }
    }

    /**
     * Closes the stream: later calls fail; a call already running finishes. Idempotent, and
     * allowed from any thread at any time.
     */
    public void close() {
        closed = true;
    }

    /** @return whether {@link #close} has run */
    public boolean isClosed() {
        return closed;
    }
}
