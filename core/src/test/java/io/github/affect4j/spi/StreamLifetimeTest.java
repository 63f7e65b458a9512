package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamLifetimeTest {

    @Test
    void aSecondThreadInsideACallFailsClearlyAndTheFirstIsUndisturbed() throws Exception {
        StreamLifetime lifetime = new StreamLifetime("test stream");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> firstResult = new CompletableFuture<>();
        Thread owner = new Thread(() -> firstResult.complete(lifetime.call(() -> {
            inside.countDown();
            await(release);
            return 42;
        })), "feeder-1");
        owner.start();
        inside.await();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lifetime.call(() -> 1));
        assertTrue(e.getMessage().contains("in use by thread 'feeder-1'"), e.getMessage());
        assertTrue(e.getMessage().contains("one thread at a time"), e.getMessage());
        release.countDown();
        assertEquals(42, firstResult.get(10, TimeUnit.SECONDS));
        // Once the call is over, another thread may go on.
        assertEquals(7, lifetime.call(() -> 7));
        owner.join(10_000);
        assertFalse(owner.isAlive());
    }

    @Test
    void aCallFromInsideACallIsRefused() {
        StreamLifetime lifetime = new StreamLifetime("test stream");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lifetime.call(() -> lifetime.call(() -> 1)));
        assertTrue(e.getMessage().contains("this thread already"), e.getMessage());
        assertEquals(2, lifetime.call(() -> 2), "the guard is free again after the failure");
    }

    @Test
    void handingTheStreamFromThreadToThreadWorksAndEachCallSeesThePreviousState()
            throws Exception {
        StreamLifetime lifetime = new StreamLifetime("test stream");
        // Plain (non-volatile) state, as a stream's buffers are.
        int[] state = {0};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 2_000; i++) {
                int expected = i;
                // One after the other, each on whichever pool thread is free.
                pool.submit(() -> lifetime.call(() -> {
                    assertEquals(expected, state[0]);
                    return state[0]++;
                })).get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2_000, state[0]);
    }

    @Test
    void closedStreamsRefuseCallsAndCloseIsIdempotent() {
        StreamLifetime lifetime = new StreamLifetime("test stream");
        lifetime.close();
        lifetime.close();
        assertTrue(lifetime.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lifetime.call(() -> 1));
        assertEquals("the test stream was closed", e.getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
