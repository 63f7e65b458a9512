package io.github.affect4j.server.analysis;

import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The threads that decode and analyse uploads: a fixed pool (one per core by default) with a
 * bounded queue. Decoding runs here too, because a decoded image is what takes the memory. A
 * servlet thread hands its upload over and waits; when the queue is full the upload is refused
 * at once with 503 and {@code Retry-After} instead of piling up decoded images.
 *
 * <p>Thread-safe; shared by all request threads.
 */
@Component
public class AnalysisPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalysisPool.class);

    /** What a refused client is told to wait: about one analysis round. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** Work for the pool; may fail with the exceptions decoding fails with. */
    @FunctionalInterface
    public interface Task<T> {
        /** Runs on a pool thread. */
        T run() throws IOException;
    }

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final int queueCapacity;
    private final Counter rejected;

    AnalysisPool(Affect4jProperties properties, ObjectProvider<MeterRegistry> meters) {
        Affect4jProperties.Analysis config = properties.analysis();
        this.threads = config.effectiveThreads();
        this.queueCapacity = config.queueCapacity();
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "affect4j-analysis-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // A SynchronousQueue for capacity 0: hand over only to an idle thread.
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(queueCapacity), factory,
                new ThreadPoolExecutor.AbortPolicy());
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("affect4j.analysis.queued", this, AnalysisPool::queued)
                    .description("Uploads waiting for an analysis thread").register(registry);
            Gauge.builder("affect4j.analysis.active", executor, ThreadPoolExecutor::getActiveCount)
                    .description("Analyses running").register(registry);
            this.rejected = Counter.builder("affect4j.analysis.rejected")
                    .description("Uploads refused with 503 because the queue was full")
                    .register(registry);
        } else {
            this.rejected = null;
        }
        log.info("Analysis pool: {} thread(s), {} waiting at most", threads, queueCapacity);
    }

    /** Uploads waiting for a thread now. */
    int queued() {
        return executor.getQueue().size();
    }

    /** Threads in the pool. */
    public int threads() {
        return threads;
    }

    /**
     * Runs the task on the pool and waits for it.
     *
     * @return the task's result
     * @throws ApiException 503 with {@code Retry-After} when every thread is busy and the queue
     *     is full
     * @throws IOException as the task threw it; runtime exceptions and errors likewise unwrapped
     */
    public <T> T run(Task<T> task) throws IOException {
        Future<T> future;
        try {
            future = executor.submit(task::run);
        } catch (RejectedExecutionException e) {
            if (rejected != null) {
                rejected.increment();
            }
            throw ApiException.unavailable("The server is analysing as many uploads as it can ("
                    + threads + " running, " + queueCapacity + " waiting); retry shortly",
                    RETRY_AFTER);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the analysis", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The analysis failed", cause);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
