package io.github.affect4j.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.affect4j.media.InvalidMediaException;
import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.TestProperties;
import io.github.affect4j.server.ApiException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The pool bounds running and waiting analyses, and refuses more with 503 + Retry-After. */
class AnalysisPoolTest {

    private static AnalysisPool pool(int threads, int queue) {
        Affect4jProperties properties = TestProperties.of(null, Duration.ofDays(1),
                TestProperties.analysis(threads, queue, DataSize.ofMegabytes(24)));
        return new AnalysisPool(properties,
                new StaticListableBeanFactory().getBeanProvider(
                        io.micrometer.core.instrument.MeterRegistry.class));
    }

    @Test
    void aFullQueueIsRefusedWith503AndRetryAfter() throws Exception {
        AnalysisPool pool = pool(1, 1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<String> first = clients.submit(() -> pool.run(() -> {
                running.countDown();
                await(release);
                return "first";
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            // The one thread is busy; this one waits in the queue (capacity 1).
            Future<String> second = clients.submit(() -> pool.run(() -> "second"));
            waitUntil(() -> pool.queued() == 1);
            // A third has nowhere to go.
            assertThatThrownBy(() -> pool.run(() -> "third"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                                .isEqualTo("1");
                        assertThat(e.detail()).contains("1 running, 1 waiting");
                    });
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
            // Room again.
            assertThat(pool.run(() -> "fourth")).isEqualTo("fourth");
        } finally {
            release.countDown();
            clients.shutdownNow();
            pool.destroy();
        }
    }

    @Test
    void noMoreTasksRunAtOnceThanThreads() throws Exception {
        AnalysisPool pool = pool(2, 32);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(clients.submit(() -> pool.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(20);
                    running.decrementAndGet();
                    return 1;
                })));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(most.get()).isEqualTo(2);
        } finally {
            clients.shutdownNow();
            pool.destroy();
        }
    }

    @Test
    void theTasksExceptionsReachTheCallerUnwrapped() {
        AnalysisPool pool = pool(1, 1);
        try {
            InvalidMediaException broken = new InvalidMediaException(
                    InvalidMediaException.Problem.CORRUPT, "broken");
            assertThatThrownBy(() -> pool.run(() -> {
                throw broken;
            })).isSameAs(broken);
            IllegalStateException bug = new IllegalStateException("bug");
            assertThatThrownBy(() -> pool.run(() -> {
                throw bug;
            })).isSameAs(bug);
        } finally {
            pool.destroy();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in 10 s");
            }
            sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
