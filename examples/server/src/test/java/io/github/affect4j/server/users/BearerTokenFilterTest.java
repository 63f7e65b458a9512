package io.github.affect4j.server.users;

import io.github.affect4j.server.ProblemResponses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Token checks in the filter: valid, unknown, expired, and too many failures (429). */
class BearerTokenFilterTest {

    private static final String TOKEN = "a4j_the-one-valid-token-of-this-test";

    private final FailedAuthenticationsTest.TestClock clock =
            new FailedAuthenticationsTest.TestClock();
    private final OffsetDateTime issued = clock.now.atOffset(ZoneOffset.UTC);
    private final UserAccount teacher = new UserAccount(7, "T", Role.TEACHER);
    private final BearerTokenFilter filter = new BearerTokenFilter(
            hash -> hash.equals(Tokens.hash(TOKEN))
                    ? Optional.of(new TokenOwners.TokenOwner(teacher, issued)) : Optional.empty(),
            new FailedAuthentications(clock, 3, Duration.ofSeconds(6)), clock,
            Duration.ofDays(90), new ProblemResponses(new ObjectMapper()));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse send(String address, String token) throws Exception {
        SecurityContextHolder.clearContext();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/classrooms");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        response.setHeader("X-Failure", String.valueOf(request.getAttribute(
                BearerTokenFilter.FAILURE)));
        return response;
    }

    @Test
    void aValidTokenAuthenticatesItsUser() throws Exception {
        send("203.0.113.7", TOKEN);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        assertThat(authentication.getPrincipal()).isEqualTo(teacher);
        assertThat(authentication.getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_TEACHER");
    }

    @Test
    void anExpiredTokenIsRefusedWithItsExpiry() throws Exception {
        clock.advance(Duration.ofDays(90));
        MockHttpServletResponse response = send("203.0.113.7", TOKEN);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(response.getHeader("X-Failure")).contains("expired at 2026-04-01");
    }

    @Test
    void tooManyFailuresFromOneAddressAre429UntilTheBucketRefills() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = send("203.0.113.7", "a4j_guess-" + i);
            assertThat(response.getStatus()).isEqualTo(200); // passed on, anonymous: 401 later
            assertThat(response.getHeader("X-Failure")).contains("Unknown");
        }
        MockHttpServletResponse refused = send("203.0.113.7", TOKEN);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("6");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(refused.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).contains("failed authentications");
        assertThat(SecurityContextHolder.getContext().getAuthentication())
                .as("refused before the token is even checked").isNull();

        send("198.51.100.1", TOKEN);
        assertThat(SecurityContextHolder.getContext().getAuthentication())
                .as("another address is not affected").isNotNull();

        clock.advance(Duration.ofSeconds(6));
        send("203.0.113.7", TOKEN);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }
}
