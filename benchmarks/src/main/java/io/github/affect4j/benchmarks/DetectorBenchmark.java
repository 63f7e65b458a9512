package io.github.affect4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every detector benchmark shares: one state per trial, sample-time mode in milliseconds,
 * three 2 s warm-up and five 2 s measured iterations in one fork, and the lifetime of what the
 * trial opens. JMH's annotations are {@code @Inherited}, so a subclass declares only its
 * {@code @Benchmark} methods (and any method-level override, such as single-shot loading).
 *
 * <p>A subclass builds its detectors, streams and samples in {@link #setUp()}, passing each
 * detector, stream or model through {@link #closeAtEnd} and each scratch folder through
 * {@link #temporaryDirectory}: after the trial they are closed in reverse order of opening
 * (a stream before the detector it reads from) and the folders deleted, even if a setup step
 * failed half-way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class DetectorBenchmark {

    /** One streaming chunk: 20 ms at 16 kHz. */
    static final int CHUNK = 320;

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private int chunkPosition;

    /**
     * Opens what the benchmarks use, once per trial.
     *
     * @throws Exception if a sample, model or detector cannot be loaded; JMH reports it and
     *     skips the benchmark
     */
    protected abstract void setUp() throws Exception;

    /**
     * JMH's trial setup: runs {@link #setUp()}. If it fails, what it opened so far is closed
     * here, since JMH does not tear down a trial whose setup failed.
     *
     * @throws Exception whatever {@link #setUp()} threw
     */
    @Setup(Level.Trial)
    public final void openTrial() throws Exception {
        try {
            setUp();
        } catch (Exception e) {
            try {
                closeTrial();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * JMH's trial teardown: closes everything registered with {@link #closeAtEnd}, newest first.
     *
     * @throws Exception the first failure to close, with any later ones suppressed; every
     *     resource is still closed
     */
    @TearDown(Level.Trial)
    public final void closeTrial() throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Registers a resource to close after the trial.
     *
     * @param resource a detector, stream or model just opened
     * @return {@code resource}, so it can be assigned where it is opened
     */
    protected final <T extends AutoCloseable> T closeAtEnd(T resource) {
        opened.push(resource);
        return resource;
    }

    /**
     * Creates a scratch folder deleted, with its contents, after the trial.
     *
     * @param prefix the folder name's prefix
     * @return the new folder, under {@code java.io.tmpdir}
     * @throws IOException if the folder cannot be created
     */
    protected final Path temporaryDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        closeAtEnd(() -> delete(dir));
        return dir;
    }

    /**
     * The next {@value #CHUNK}-sample chunk of {@code samples}, starting again from the beginning
     * when the rest is shorter than a chunk: streaming benchmarks feed speech forever.
     *
     * @param samples the clip to cycle through, at least one chunk long
     * @return a fresh copy of the chunk, as a caller reading a microphone would hand over
     */
    protected final float[] nextChunk(float[] samples) {
        if (chunkPosition + CHUNK > samples.length) {
            chunkPosition = 0;
        }
        float[] chunk = Arrays.copyOfRange(samples, chunkPosition, chunkPosition + CHUNK);
        chunkPosition += CHUNK;
        return chunk;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Scratch files under the temp folder only: a leftover is not worth failing a run.
        }
    }
}
