package io.github.affect4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.affect4j.VoiceEmotionStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread-safety checks every detector module's tests run on its own detectors (shipped in
 * core's test jar): one detector shared by many threads must give exactly the sequential results;
 * closing it while threads call it must wait for them and then refuse every call; two threads
 * feeding one stream at once must fail clearly, never silently or by hanging.
 */
public final class SharedDetectorChecks {

    private SharedDetectorChecks() {
    }

    /**
     * Runs each call once on this thread for its expected result, then on {@code threads}
     * threads released at once, each running every call {@code rounds} times starting at a
     * different one; every result must equal the expected one.
     *
     * @param threads the threads calling at once
     * @param rounds how many times each thread runs every call
     * @param calls calls on one shared detector
     * @return the results computed on this thread, one per call
     * @throws Exception if a call fails
     */
    public static List<Object> sameResultsOnManyThreads(int threads, int rounds,
                                                        List<? extends Callable<?>> calls)
            throws Exception {
        List<Object> expected = new ArrayList<>();
        for (Callable<?> call : calls) {
            expected.add(call.call());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int shift = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < rounds * calls.size(); i++) {
                        int k = (i + shift) % calls.size();
                        assertEquals(expected.get(k), calls.get(k).call(),
                                "call " + k + " on thread " + shift);
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(4, TimeUnit.MINUTES); // rethrows a thread's assertion failure
            }
            assertEquals(threads * rounds * calls.size(), total);
            return expected;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts {@code threads} threads that call {@code call} in a loop, each result checked
     * against the one computed first on this thread; once as many calls as threads have
     * returned, closes the detector. Every thread must then end, within a minute, with an
     * {@link IllegalStateException} that says the detector is closed, and by nothing else: a
     * call that was running when close() came must have finished on intact resources.
     *
     * @param threads the threads calling at once
     * @param detector the detector {@code call} uses, closed here
     * @param call a call on the detector
     * @return the calls that completed before the detector refused them
     * @throws Exception if the first call fails
     */
    public static int closeWhileCalling(int threads, AutoCloseable detector, Callable<?> call)
            throws Exception {
        Object expected = call.call();
        AtomicInteger completed = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    running.countDown();
                    try {
                        while (true) {
                            Object got = call.call();
                            if (!expected.equals(got)) {
                                return new AssertionError("a call that ran got " + got
                                        + ", expected " + expected);
                            }
                            completed.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        return e;
                    }
                }));
            }
            assertTrue(running.await(1, TimeUnit.MINUTES), "threads did not start");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (completed.get() < threads && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(completed.get() >= threads, "calls ran before close: " + completed.get());
            detector.close();
            for (Future<Throwable> future : futures) {
                Throwable ended = future.get(1, TimeUnit.MINUTES);
                if (!(ended instanceof IllegalStateException)
                        || ended.getMessage() == null || !ended.getMessage().contains("closed")) {
                    fail("a thread ended with " + ended + " instead of the detector's"
                            + " IllegalStateException saying it is closed", ended);
                }
            }
            return completed.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two threads feeding one stream at once, in chunks of 320 samples: each call either works
     * or fails at once with an {@link IllegalStateException} saying the stream takes one thread
     * at a time; nothing else escapes and nothing hangs. Afterwards the stream still serves a
     * single feeder.
     *
     * @param stream an open stream
     * @param samples what each thread feeds
     * @return the calls refused because the other thread was feeding
     * @throws Exception if a thread does not end within a minute or the stream fails afterwards
     */
    public static int twoFeedersAtOnce(VoiceEmotionStream stream, float[] samples)
            throws Exception {
        AtomicInteger clashes = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> feeders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread feeder = new Thread(() -> {
                try {
                    start.await();
                    for (int from = 0; from + 320 <= samples.length; from += 320) {
                        try {
                            stream.accept(Arrays.copyOfRange(samples, from, from + 320));
                        } catch (IllegalStateException e) {
                            if (e.getMessage() == null
                                    || !e.getMessage().contains("one thread at a time")) {
                                throw e;
                            }
                            clashes.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            }, "feeder-" + t);
            feeder.start();
            feeders.add(feeder);
        }
        start.countDown();
        for (Thread feeder : feeders) {
            feeder.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!feeder.isAlive(), feeder.getName() + " still running");
        }
        if (unexpected.get() != null) {
            throw new AssertionError("a stream call failed unclearly", unexpected.get());
        }
        stream.accept(new float[320]);
        stream.flush();
        return clashes.get();
    }
}
