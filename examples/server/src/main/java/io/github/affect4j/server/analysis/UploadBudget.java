package io.github.affect4j.server.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the memory that upload bodies take while they are received. The server keeps uploads
 * in memory (never on disk), and the servlet container reads a whole multipart body into its
 * buffers (up to about twice the body) before anything else sees it. Eight clients sending the
 * largest allowed upload at once needed more than the 128 MB heap: two requests of the
 * bad-upload load failed with {@link OutOfMemoryError} (BENCHMARKS.md, 2026-12-06).
 *
 * <p>So a multipart request declaring more than {@code spring.servlet.multipart.max-request-size}
 * is answered 413 before a byte of it is read, and one that declares more than
 * {@value #SMALL} bytes, or no length at all (chunked: counted as the request limit), is
 * received here, with its declared length reserved from {@code affect4j.analysis.upload-budget}
 * while the container reads it: it waits up to {@link #WAIT} for room, then gets 503 with
 * {@code Retry-After}. The container keeps the parts it read (or the reason it refused them) for
 * the controller. Small uploads with a declared length, such as ordinary frames, pass without
 * waiting, so slow clients sending them hold nothing. Runs after the security filters, so an
 * unauthenticated upload is refused without being read.
 *
 * <p>Thread-safe.
 */
@Component
class UploadBudget extends OncePerRequestFilter {

    /** Uploads declaring at most this many bytes are not counted. */
    static final long SMALL = 1 << 20;

    /** How long a large upload waits for room in the budget before 503. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final long capacity;
    private final long maxRequest;
    private final Object room = new Object();
    /** Bytes not reserved now; guarded by {@link #room}. */
    private long available;
    private final ProblemResponses problems;

    UploadBudget(Affect4jProperties properties, MultipartProperties multipart, ObjectMapper json) {
        this.capacity = properties.analysis().uploadBudget().toBytes();
        long limit = multipart.getMaxRequestSize() == null ? -1
                : multipart.getMaxRequestSize().toBytes();
        this.maxRequest = limit > 0 ? limit : capacity;
        if (maxRequest > capacity) {
            throw new IllegalStateException("affect4j.analysis.upload-budget (" + capacity
                    + " bytes) must be at least spring.servlet.multipart.max-request-size ("
                    + maxRequest + " bytes), or the largest allowed upload could never be"
                    + " received");
        }
        this.available = capacity;
        this.problems = new ProblemResponses(json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxRequest) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "The upload is"
                    + " larger than the limit: it declares " + declared + " bytes, the limit is "
                    + maxRequest + " bytes (spring.servlet.multipart.max-request-size)");
            return;
        }
        if (declared >= 0 && declared <= SMALL) {
            chain.doFilter(request, response);
            return;
        }
        long need = declared >= 0 ? declared : maxRequest;
        if (!reserve(need)) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, AnalysisPool.RETRY_AFTER.toSeconds())));
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "The server is"
                    + " receiving as many uploads as its memory allows (" + capacity + " bytes at"
                    + " once, affect4j.analysis.upload-budget); retry shortly");
            return;
        }
        try {
            request.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            // Too large, malformed, cut off: the container remembers why and throws it again
            // when the controller asks for the parts, which answers it as before.
        } finally {
            release(need);
        }
        chain.doFilter(request, response);
    }

    /** Takes {@code bytes} from the budget, waiting up to {@link #WAIT} for them. */
    private boolean reserve(long bytes) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (room) {
            while (available < bytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(room, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting to"
                            + " receive an upload");
                }
            }
            available -= bytes;
            return true;
        }
    }

    private void release(long bytes) {
        synchronized (room) {
            available += bytes;
            room.notifyAll();
        }
    }

    /** Bytes not reserved now (for tests). */
    long available() {
        synchronized (room) {
            return available;
        }
    }
}
