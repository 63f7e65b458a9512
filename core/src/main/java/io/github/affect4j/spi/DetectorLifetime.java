package io.github.affect4j.spi;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The close guard every detector needs: many threads may be inside a detector's calls at once,
 * and {@code close()} must wait for them before it frees native sessions or models, then make
 * every later call fail with {@link IllegalStateException}. Freeing a native session under a
 * running call would crash the JVM.
 *
 * <p>Thread-safe. Calls hold a read lock, so they run concurrently; {@link #close} takes the
 * write lock.
 *
 * <pre>{@code
 * private final DetectorLifetime lifetime = new DetectorLifetime("onnx face emotion detector");
 *
 * public FaceAnalysis analyze(ImageFrame image) {
 *     return lifetime.call(() -> runModels(image));
 * }
 *
 * public void close() {
 *     lifetime.close(session::close);
 * }
 * }</pre>
 */
public final class DetectorLifetime {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String name;
    private boolean closed;

    /** @param name what to call the detector in the "closed" message */
    public DetectorLifetime(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Runs a call while the detector cannot be closed.
     *
     * @param action the call's work
     * @param <T> what it returns
     * @return what the action returns
     * @throws IllegalStateException if the detector was closed
     */
    public <T> T call(Supplier<T> action) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " has been closed");
            }
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Closes: waits for running calls to finish, then runs {@code release} once. Later calls to
     * this method do nothing.
     *
     * @param release frees the detector's resources
     * @return whether this call did the closing
     * @throws IllegalStateException if called from inside {@link #call} on the same thread,
     *     which could never acquire the lock
     */
    public boolean close(Runnable release) {
        if (lock.getReadHoldCount() > 0) {
            throw new IllegalStateException(name + " cannot be closed from inside one of its calls");
        }
        lock.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            release.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** {@return whether {@link #close} has run} */
    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }
}
