package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DetectorLifetimeTest {

    @Test
    void closeWaitsForRunningCallsThenRefusesNewOnes() throws Exception {
        DetectorLifetime lifetime = new DetectorLifetime("test detector");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean released = new AtomicBoolean();
        AtomicBoolean releasedDuringCall = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> running = pool.submit(() -> lifetime.call(() -> {
                inside.countDown();
                await(finish);
                releasedDuringCall.set(released.get());
                return 42;
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            Future<Boolean> closing = pool.submit(() -> lifetime.close(() -> released.set(true)));
            Thread.sleep(100);
            assertFalse(released.get(), "close must wait for the running call");
            finish.countDown();
            assertEquals(42, running.get(5, TimeUnit.SECONDS));
            assertTrue(closing.get(5, TimeUnit.SECONDS));
            assertTrue(released.get());
            assertFalse(releasedDuringCall.get());
        } finally {
            pool.shutdownNow();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lifetime.call(() -> 1));
        assertEquals("test detector has been closed", e.getMessage());
        assertTrue(lifetime.isClosed());
    }

    @Test
    void releaseRunsOnce() {
        DetectorLifetime lifetime = new DetectorLifetime("x");
        AtomicInteger releases = new AtomicInteger();
        assertTrue(lifetime.close(releases::incrementAndGet));
        assertFalse(lifetime.close(releases::incrementAndGet));
        assertEquals(1, releases.get());
    }

    @Test
    void closingFromInsideACallFailsInsteadOfDeadlocking() {
        DetectorLifetime lifetime = new DetectorLifetime("x");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lifetime.call(() -> lifetime.close(() -> { })));
        assertTrue(e.getMessage().contains("from inside"), e.getMessage());
        assertFalse(lifetime.isClosed());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
