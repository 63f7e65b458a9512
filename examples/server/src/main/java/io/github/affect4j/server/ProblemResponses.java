package io.github.affect4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problems (RFC 9457, as the exception handler does) from servlet filters, which run
 * before Spring MVC's error handling: the security filters and the upload budget.
 */
public final class ProblemResponses {

    private final ObjectMapper json;

    /** @param json the mapper that writes the problem */
    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Answers the request with a problem of this status and detail.
     *
     * @throws IOException if the answer cannot be written
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
