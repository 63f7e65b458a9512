package io.github.affect4j.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.TestProperties;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The upload budget on its own: 413 from the declared length, 503 when full, nothing leaked. */
class UploadBudgetTest {

    private static final long MB = 1024 * 1024;

    private static UploadBudget budget(int budgetMb, int maxRequestMb) {
        Affect4jProperties properties = TestProperties.of(null, Duration.ofDays(1),
                TestProperties.analysis(1, 1, DataSize.ofMegabytes(budgetMb)));
        MultipartProperties multipart = new MultipartProperties();
        multipart.setMaxRequestSize(DataSize.ofMegabytes(maxRequestMb));
        return new UploadBudget(properties, multipart, new ObjectMapper());
    }

    private static MockHttpServletRequest upload(long declared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/sessions/1/frames");
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[Math.toIntExact(declared)]); // its length is the declared one
        return request;
    }

    @Test
    void anUploadDeclaringMoreThanTheLimitIs413BeforeItIsRead() throws Exception {
        UploadBudget budget = budget(24, 11);
        AtomicInteger reached = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();
        budget.doFilter(upload(12 * MB), response, new MockFilterChain(counting(reached)));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than the limit")
                .contains(Long.toString(11 * MB));
        assertThat(reached).hasValue(0);
        assertThat(budget.available()).isEqualTo(24 * MB);
    }

    /** An upload whose body the container is still reading until {@code release} opens. */
    private static MockHttpServletRequest slowUpload(long declared, CountDownLatch reading,
                                                     CountDownLatch release) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/sessions/1/frames") {
            @Override
            public java.util.Collection<jakarta.servlet.http.Part> getParts()
                    throws IOException, ServletException {
                reading.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.getParts();
            }
        };
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[Math.toIntExact(declared)]);
        return request;
    }

    @Test
    void largeUploadsBeyondTheBudgetWaitThenGet503WhileSmallOnesPass() throws Exception {
        UploadBudget budget = budget(24, 11);
        CountDownLatch reading = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reached = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // Two of the largest uploads are being read: 22 of the 24 MB are taken.
            Future<MockHttpServletResponse> first = pool.submit(() ->
                    run(budget, slowUpload(11 * MB, reading, release), counting(reached)));
            Future<MockHttpServletResponse> second = pool.submit(() ->
                    run(budget, slowUpload(11 * MB, reading, release), counting(reached)));
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(budget.available()).isEqualTo(2 * MB);

            // A third large one waits for room, and gets 503 when none comes in time.
            long started = System.nanoTime();
            MockHttpServletResponse third = run(budget, upload(11 * MB), counting(reached));
            assertThat(third.getStatus()).isEqualTo(503);
            assertThat(third.getHeader("Retry-After")).isEqualTo("1");
            assertThat(third.getContentAsString()).contains("upload-budget");
            assertThat(System.nanoTime() - started)
                    .isGreaterThanOrEqualTo(UploadBudget.WAIT.toNanos());
            // Small declared uploads and other requests pass at once, uncounted.
            assertThat(run(budget, upload(60_000), counting(reached)).getStatus()).isEqualTo(201);
            MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/sessions");
            json.setContentType("application/json");
            json.setContent(new byte[Math.toIntExact(30 * MB)]);
            assertThat(run(budget, json, counting(reached)).getStatus()).isEqualTo(201);
            assertThat(reached).hasValue(2);

            // A large one that arrives while they are read gets in once one is done.
            Future<MockHttpServletResponse> fourth = pool.submit(() ->
                    run(budget, upload(11 * MB), counting(reached)));
            Thread.sleep(200);
            assertThat(fourth).isNotDone();
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            assertThat(second.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            assertThat(fourth.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            assertThat(budget.available()).isEqualTo(24 * MB);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aBudgetBelowTheRequestLimitIsRefusedAtStart() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> budget(8, 11));
    }

    private static MockHttpServletResponse run(UploadBudget budget, MockHttpServletRequest request,
                                               Servlet servlet) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        budget.doFilter(request, response, new MockFilterChain(servlet));
        return response;
    }

    private static HttpServlet counting(AtomicInteger reached) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                reached.incrementAndGet();
                resp.setStatus(201);
            }
        };
    }
}
