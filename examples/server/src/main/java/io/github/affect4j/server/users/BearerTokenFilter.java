package io.github.affect4j.server.users;

import io.github.affect4j.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} by the token's hash, if the token has not
 * expired. A missing, unknown, revoked or expired token leaves the request anonymous; the
 * security rules then answer 401 with the reason. Unknown and expired tokens count as failures
 * of the client address ({@link FailedAuthentications}); an address out of attempts is answered
 * 429 with {@code Retry-After} before its token is looked up.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute saying why authentication failed, for the 401 answer. */
    static final String FAILURE = BearerTokenFilter.class.getName() + ".failure";

    private final TokenOwners owners;
    private final FailedAuthentications failures;
    private final Clock clock;
    private final Duration lifetime;
    private final ProblemResponses problems;

    BearerTokenFilter(TokenOwners owners, FailedAuthentications failures, Clock clock,
                      Duration lifetime, ProblemResponses problems) {
        this.owners = owners;
        this.failures = failures;
        this.clock = clock;
        this.lifetime = lifetime;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            request.setAttribute(FAILURE, "No bearer token: send 'Authorization: Bearer <token>'");
        } else if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            request.setAttribute(FAILURE, "The Authorization header is not 'Bearer <token>'");
        } else {
            String address = request.getRemoteAddr();
            Duration wait = failures.waitFor(address);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed authentications from this address; retry in "
                                + seconds + " s");
                return;
            }
            Optional<TokenOwners.TokenOwner> owner =
                    owners.byHash(Tokens.hash(header.substring(7).strip()));
            OffsetDateTime expiry = owner.map(o -> o.issuedAt().plus(lifetime)).orElse(null);
            if (owner.isEmpty()) {
                failures.failed(address);
                request.setAttribute(FAILURE, "Unknown or revoked bearer token");
            } else if (!expiry.toInstant().isAfter(clock.instant())) {
                failures.failed(address);
                request.setAttribute(FAILURE, "The bearer token expired at " + expiry
                        + "; ask an administrator for a new one");
            } else {
                UserAccount user = owner.get().user();
                SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(user, null, List.of(
                                new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
            }
        }
        chain.doFilter(request, response);
    }
}
